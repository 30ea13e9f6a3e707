import ArgumentParser
import Foundation
import Hummingbird
import KeycardAdapters
import KeycardConsole
import KeycardCore
import KeycardEngine
import KeycardIntake
import Logging
import Synchronization

/// `keycard demo`: a fresh demo organisation, the engine, the webhook listener and a stream of HR events, in the console.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the demo: an org of 50, its policies, simulated systems, and HR events arriving live.",
        discussion: """
            Creates a fresh database in --dir from --fixtures (keycard.yaml, policies/, org.json, script.json), \
            starts the engine and the webhook listener on 127.0.0.1, and posts the script's signed HRIS events \
            to it over the next minute: Sarah Chen's hire first, then more hires, a mover and a leaver, with a \
            flaky system, a grant that needs your approval, a failed step to retry and a run that rolls back. \
            The console opens on it (you act as --as, an approver in the demo). --headless prints the story instead.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The demo organisation's folder.", valueName: "path"))
    var fixtures = "fixtures/demo"

    @Option(help: ArgumentHelp("Where the demo's databases and log go; they are recreated each time.", valueName: "path"))
    var dir = ".keycard-demo"

    @Option(help: ArgumentHelp("Time scale: 2 plays the script and the systems' latency twice as fast.", valueName: "factor"))
    var speed: Double = 1

    @Option(help: ArgumentHelp("Address of the demo's webhook listener (port 0 picks a free one).", valueName: "host:port"))
    var listen = "127.0.0.1:0"

    @Option(name: .customLong("as"), help: ArgumentHelp("Who you are in the console (an approver in the demo config).", valueName: "who"))
    var actor = "it-oncall@company.com"

    @Option(help: ArgumentHelp("Console theme: default, light, high-contrast, monochrome, or a .yaml skin.", valueName: "name"))
    var theme: String?

    @Flag(help: "No console: print what happens and exit when the script is done and nothing can move on its own.")
    var headless = false

    @Option(help: ArgumentHelp("With --headless, give up after this many seconds (exit code 3).", valueName: "seconds"))
    var timeout: Double = 300

    func validate() throws {
        guard speed > 0 else { throw ValidationError("--speed must be positive") }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: "\(fixtures)/keycard.yaml") else {
            throw CLIError("no demo at \(fixtures)/keycard.yaml: run from the repository root or pass --fixtures")
        }
        if !headless, isatty(STDOUT_FILENO) != 1 || isatty(STDIN_FILENO) != 1 {
            throw CLIError("the demo's console needs a terminal; use --headless to print the story instead")
        }
        let (host, port) = try ServeCommand.parseListen(listen)
        var global = self.global
        global.db = global.db ?? "\(dir)/keycard.sqlite"
        global.logFile = global.logFile ?? "\(dir)/keycard.log"
        if global.logLevel == "warning" { global.logLevel = "info" }
        try DemoWorkspace.reset(directory: dir, databasePath: global.databasePath)

        var config = try KeycardConfig.load(path: "\(fixtures)/keycard.yaml")
        config.sandbox = DemoWorkspace.scaled(config.sandbox, speed: speed)
        let runtime = try KeycardRuntime.open(global: global, config: config, purpose: .worker)
        let now = Date()
        let imported = try DemoRoster.importRoster("\(fixtures)/org.json", into: runtime.database, now: now)
        let script = try DemoScript.load("\(fixtures)/script.json", now: now)
        let logger = Logger(label: "keycard.demo")

        let secret = DemoWorkspace.randomSecret()
        let server = WebhookServer(
            configuration: .init(host: host, port: port, secrets: WebhookSecrets([.canonical: secret])),
            pipeline: IntakePipeline(database: runtime.database))
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = server.application { port in portSink.yield(port) }
        let serving = Task { try await app.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let boundPort = await iterator.next() else { throw CLIError("the demo's webhook listener did not start") }
        let printer = DemoPrinter(start: now, enabled: headless)
        printer.line("\(config.organization): \(imported) employees imported; webhooks on http://\(host):\(boundPort); database \(global.databasePath)")
        let feeder = DemoFeeder(port: boundPort, secret: secret, speed: speed, logger: logger) { say, status in
            printer.line("HRIS → \(say) [HTTP \(status)]")
        }
        let delivered = Mutex(false)
        let feeding = Task {
            await feeder.run(script)
            delivered.withLock { $0 = true }
        }
        let code: Int32
        do {
            if headless {
                try await DemoHeadless(runtime: runtime, printer: printer, timeout: timeout).run { delivered.withLock { $0 } }
                code = 0
            } else {
                var options = ConsoleOptions(themeName: theme, readOnly: false, actor: actor, logPath: global.logFile)
                options.environment = ProcessInfo.processInfo.environment
                code = try await ConsoleSession(runtime: runtime, actor: actor, readOnly: false).run(options: options)
            }
        } catch {
            feeding.cancel()
            serving.cancel()
            throw error
        }
        feeding.cancel()
        serving.cancel()
        _ = try? await serving.value
        try ConsoleSession.exit(with: code)
    }
}
