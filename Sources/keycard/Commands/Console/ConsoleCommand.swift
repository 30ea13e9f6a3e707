import ArgumentParser
import Foundation
import KeycardConsole

/// `keycard console`: the ncurses dashboard, with the engine embedded.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Watch and steer runs in a full-screen terminal console (the engine runs inside it).",
        discussion: """
            Starts the engine on the database (as `keycard work` does: runs for stored HR changes, executed with the \
            systems of keycard.yaml) and shows runs, failures, approvals, employees, systems, events and the audit \
            trail. Another `keycard serve` or `keycard work` may run on the same database: work is shared through \
            leases. With --readonly nothing is executed or changed; the console only watches. Press ? for keys; \
            logs go to --log-file (default: next to the database), never to the screen.
            """)

    @OptionGroup var options: EngineOptions
    @OptionGroup var actor: ActorOption

    @Option(help: ArgumentHelp("Theme: default, light, high-contrast, monochrome, or a .yaml skin file.", valueName: "name"))
    var theme: String?

    @Flag(help: "Turn off every action that changes something; run no engine, only watch the database.")
    var readonly = false

    @Flag(help: "Show a built-in sample instead of a database (to try the keys).")
    var preview = false

    func run() async throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw CLIError("keycard console needs a terminal; for scripts use `keycard runs` or `keycard audit tail`")
        }
        var global = options.global
        global.logFile = global.logFile ?? ConsoleSession.defaultLogPath(forDatabase: global.databasePath)
        var consoleOptions = ConsoleOptions(themeName: theme, readOnly: readonly, actor: actor.name, logPath: global.logFile)
        if preview {
            consoleOptions.clock = PreviewSample.clock
            try ConsoleSession.exit(with: try await ConsoleApp(dataSource: PreviewDataSource(), options: consoleOptions).run())
            return
        }
        let runtime = try KeycardRuntime.open(
            global: global, configPath: options.config, purpose: readonly ? .operatorCommands : .worker)
        let session = ConsoleSession(runtime: runtime, actor: actor.name, readOnly: readonly)
        try ConsoleSession.exit(with: try await session.run(options: consoleOptions))
    }
}
