import ArgumentParser
import Foundation
import KeycardCore
import KeycardEngine

/// `keycard runs`: the runs the engine has planned and executed.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List runs and show one run's tiers and timeline.",
        subcommands: [RunsListCommand.self, RunsShowCommand.self], defaultSubcommand: RunsListCommand.self)
}

/// `keycard runs list`.
struct RunsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List runs, newest first.")

    @OptionGroup var options: EngineOptions

    @Option(help: ArgumentHelp("Only runs in this state (running, failed, rolled_back, ...).", valueName: "state"))
    var state: [String] = []

    @Option(help: ArgumentHelp("Only this employee's runs.", valueName: "id"))
    var employee: String?

    @Option(help: "At most this many runs.")
    var limit = 100

    func run() async throws {
        let states = try state.map { text in
            guard let state = RunState(rawValue: text) else {
                throw CLIError("--state \(text) is not a run state (\(RunState.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return state
        }
        let runs = try options.engine().runs(states: states.isEmpty ? nil : states, employeeID: employee, limit: limit)
        if options.global.json { return try JSONOutput.print(runs) }
        print(TextTable(
            headers: ["RUN", "KIND", "EMPLOYEE", "STATE", "DONE", "FAILED", "APPROVALS", "TIER", "CREATED"],
            rows: runs.map { summary in
                [
                    summary.run.id.rawValue, summary.run.kind.rawValue, summary.run.employee.displayName,
                    summary.run.state.rawValue, "\(summary.doneCount)/\(summary.stepCount)", String(summary.failedCount),
                    String(summary.awaitingApprovalCount),
                    summary.currentTier.map { summary.run.tierNames.indices.contains($0) ? summary.run.tierNames[$0] : "\($0 + 1)" } ?? "-",
                    Timestamps.format(summary.run.createdAt),
                ]
            }
        ).render())
    }
}

/// `keycard runs show ID`.
struct RunsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a run: tiers, steps and the timeline.")

    @OptionGroup var options: EngineOptions

    @Argument(help: "The run id (run-…).")
    var id: String

    func run() async throws {
        let detail: RunDetail
        do {
            detail = try options.engine().run(RunID(id))
        } catch {
            throw CLIError(String(describing: error))
        }
        if options.global.json { return try JSONOutput.print(detail) }
        print(RunDetailView(detail: detail).render())
    }
}
