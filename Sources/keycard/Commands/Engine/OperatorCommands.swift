import ArgumentParser
import KeycardCore
import KeycardEngine

/// `keycard approve STEP --reason --as WHO`.
struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve a step that waits for approval.")

    @OptionGroup var options: EngineOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: "The step id (run-…/sN).") var step: String
    @Option(help: "Why it is approved (recorded).") var reason: String

    func run() async throws {
        let engine = try options.engine()
        try await CommandReport.run("approve \(step)", json: options.global.json) { () async throws(EngineError) in
            try await engine.approve(step: StepID(step), by: actor.name, reason: reason)
        }
    }
}

/// `keycard deny STEP --reason --as WHO`.
struct DenyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deny", abstract: "Deny a step that waits for approval; it and the steps needing it are skipped.")

    @OptionGroup var options: EngineOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: "The step id (run-…/sN).") var step: String
    @Option(help: "Why it is denied (recorded).") var reason: String

    func run() async throws {
        let engine = try options.engine()
        try await CommandReport.run("deny \(step)", json: options.global.json) { () async throws(EngineError) in
            try await engine.deny(step: StepID(step), by: actor.name, reason: reason)
        }
    }
}

/// `keycard retry STEP|RUN`.
struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Retry a failed step now, or every failed step of a run.")

    @OptionGroup var options: EngineOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: "A step id (run-…/sN) or a run id (run-…).") var id: String

    func run() async throws {
        let engine = try options.engine()
        let isStep = id.contains("/")
        try await CommandReport.run("retry \(id)", json: options.global.json) { () async throws(EngineError) in
            isStep ? try await engine.retry(step: StepID(id), by: actor.name) : try await engine.retry(run: RunID(id), by: actor.name)
        }
    }
}

/// `keycard skip STEP --reason`.
struct SkipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip", abstract: "Resolve a step without running it; the steps that need it go ahead.")

    @OptionGroup var options: EngineOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: "The step id (run-…/sN).") var step: String
    @Option(help: "Why it is skipped (recorded).") var reason: String

    func run() async throws {
        let engine = try options.engine()
        try await CommandReport.run("skip \(step)", json: options.global.json) { () async throws(EngineError) in
            try await engine.skip(step: StepID(step), by: actor.name, reason: reason)
        }
    }
}

/// `keycard rollback RUN`.
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "Undo every succeeded step of a run, in reverse dependency order.")

    @OptionGroup var options: EngineOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: "The run id (run-…).") var run: String
    @Option(help: "Why (recorded).") var reason = "operator rollback"

    func run() async throws {
        let engine = try options.engine()
        try await CommandReport.run("rollback \(run)", json: options.global.json) { () async throws(EngineError) in
            try await engine.rollback(run: RunID(run), by: actor.name, reason: reason)
        }
    }
}

/// `keycard cancel RUN`.
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a run that has not started.")

    @OptionGroup var options: EngineOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: "The run id (run-…).") var run: String
    @Option(help: "Why (recorded).") var reason = "cancelled by operator"

    func run() async throws {
        let engine = try options.engine()
        try await CommandReport.run("cancel \(run)", json: options.global.json) { () async throws(EngineError) in
            try await engine.cancel(run: RunID(run), by: actor.name, reason: reason)
        }
    }
}

/// `keycard pause`: the kill switch.
struct PauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause", abstract: "Stop every engine process from starting new steps (kill switch).")

    @OptionGroup var options: EngineOptions
    @OptionGroup var actor: ActorOption

    func run() async throws {
        do {
            try await options.engine().pause(by: actor.name)
        } catch {
            throw CLIError("pause: \(error)")
        }
        print("engine paused")
    }
}

/// `keycard resume`.
struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Let engine processes start steps again.")

    @OptionGroup var options: EngineOptions
    @OptionGroup var actor: ActorOption

    func run() async throws {
        do {
            try await options.engine().resume(by: actor.name)
        } catch {
            throw CLIError("resume: \(error)")
        }
        print("engine resumed")
    }
}
