/// Where the console gets its data and sends its commands: the embedded engine, a watched database,
/// or `PreviewDataSource`. The console only reads snapshots, waits for change notifications, and asks for commands.
public protocol ConsoleDataSource: Sendable {
    /// Everything to show now, with the detail `focus` asks for.
    func snapshot(focus: ConsoleFocus) async throws -> ConsoleSnapshot
    /// Ticks whenever something shown may have changed (run/step events, approvals, system state).
    func changes() -> AsyncStream<Void>
    /// Executes an engine call; returns a one-line result for the flash line, throws a readable error.
    func perform(_ command: EngineCommand) async throws -> String
}
