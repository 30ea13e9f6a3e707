import Foundation
import KeycardCore
import Logging

/// The console: opens the terminal, shows snapshots from a data source, turns keys into actions,
/// and runs the effects. Redraws on input and on the data source's change notifications, never on a timer.
@MainActor
public final class ConsoleApp {
    private let dataSource: any ConsoleDataSource
    private let options: ConsoleOptions
    private let logger: Logger
    private var state: ConsoleState
    private let screen = TerminalScreen()
    private var context: RenderContext
    private var needsRender = true
    private var reloadInFlight = false
    private var reloadAgain = false
    private var flashShownAt: Date?

    public init(dataSource: any ConsoleDataSource, options: ConsoleOptions = ConsoleOptions()) {
        self.dataSource = dataSource
        self.options = options
        if let path = options.logPath {
            logger = Logger(label: "keycard.console") { label in FileLogHandler(label: label, path: path) }
        } else {
            logger = Logger(label: "keycard.console") { _ in SwiftLogNoOpLogHandler() }
        }
        context = RenderContext(glyphs: GlyphSet.forEnvironment(options.environment))
        state = ConsoleState(
            snapshot: .empty, readOnly: options.readOnly, actor: options.actor, now: options.clock.now, timeZone: options.timeZone,
            logPath: options.logPath)
    }

    /// Runs until `q`, `:q`, SIGINT, SIGTERM or SIGHUP; restores the terminal and returns the exit code (0, or 128 + signal).
    public func run() async throws -> Int32 {
        let directories = options.themeDirectories ?? ThemeResolver.defaultDirectories(environment: options.environment)
        // Resolve before touching the terminal, so a bad theme is a readable error on a normal screen.
        var theme = try ThemeResolver.resolve(name: options.themeName, directories: directories, environment: options.environment, terminalHasColors: true)
        let initial = try await dataSource.snapshot(focus: ConsoleFocus())
        screen.start()
        defer { screen.stop() }
        if !screen.hasColors { theme = .monochrome }
        screen.apply(theme)
        logger.info("console started", metadata: ["theme": "\(theme.name)", "readonly": "\(options.readOnly)"])
        let size = screen.size
        state.width = size.width
        state.height = size.height
        dispatch(.snapshotLoaded(initial))
        let changes = Task { @MainActor [weak self, dataSource] in
            for await _ in dataSource.changes() { self?.reload() }
        }
        defer { changes.cancel() }
        var lastTick = options.clock.now
        while !state.quitRequested {
            let signal = screen.pendingTerminationSignal
            if signal != 0 {
                logger.info("stopping on signal \(signal)")
                return 128 + signal
            }
            if needsRender {
                screen.draw(ConsoleRenderer.render(state, context: context))
                needsRender = false
            }
            if let event = screen.nextEvent() {
                if let action = KeyMap.action(for: event, in: state) { dispatch(action) }
            }
            let now = options.clock.now
            if now.timeIntervalSince(lastTick) >= 1, hasLiveDurations {
                lastTick = now
                dispatch(.tick(now))
            }
            if let shown = flashShownAt, now.timeIntervalSince(shown) > 6, state.mode == .normal {
                dispatch(.clearFlash)
            }
            // Let change notifications and finished commands (main-actor tasks) run between polls.
            await Task.yield()
        }
        logger.info("console quit")
        return 0
    }

    private var hasLiveDurations: Bool {
        state.snapshot.runs.contains { $0.startedAt != nil && $0.finishedAt == nil }
    }

    private func dispatch(_ action: ConsoleAction) {
        let flashBefore = state.flash
        let effects = ConsoleReducer.reduce(&state, action)
        if state.flash != flashBefore {
            flashShownAt = state.flash == nil ? nil : options.clock.now
            if let flash = state.flash, flash.level == .error { logger.warning("\(flash.text)") }
        }
        needsRender = true
        for effect in effects { run(effect) }
    }

    private func run(_ effect: Effect) {
        switch effect {
        case .quit:
            break
        case .reload:
            reload()
        case .engine(let command):
            logger.info("engine command", metadata: ["command": "\(command)", "actor": "\(state.actor)"])
            Task { @MainActor [dataSource] in
                let outcome = await dataSource.outcome(of: command)
                if case .commandFinished(let message, true) = outcome {
                    self.logger.error("engine command refused", metadata: ["command": "\(command)", "reason": "\(message)"])
                }
                self.dispatch(outcome)
                self.reload()
            }
        }
    }

    /// Fetches a snapshot for the current focus; coalesces notifications that arrive while one is loading.
    private func reload() {
        if reloadInFlight {
            reloadAgain = true
            return
        }
        reloadInFlight = true
        let focus = state.focus
        Task { @MainActor [dataSource] in
            do {
                let snapshot = try await dataSource.snapshot(focus: focus)
                self.dispatch(.snapshotLoaded(snapshot))
            } catch {
                self.logger.error("snapshot failed", metadata: ["error": "\(error)"])
                self.dispatch(.commandFinished(message: "cannot load data: \(error)", failed: true))
            }
            self.reloadInFlight = false
            if self.reloadAgain || self.state.focus != focus {
                self.reloadAgain = false
                self.reload()
            }
        }
    }
}
