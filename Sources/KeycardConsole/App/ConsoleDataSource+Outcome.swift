extension ConsoleDataSource {
    /// Runs a command and returns the action that shows its result, or the refusal with its reason, in the flash line.
    public func outcome(of command: EngineCommand) async -> ConsoleAction {
        do {
            let message = try await perform(command)
            return .commandFinished(message: message, failed: false)
        } catch {
            return .commandFinished(message: "\(error)", failed: true)
        }
    }
}
