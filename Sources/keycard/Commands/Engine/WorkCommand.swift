import ArgumentParser
import Foundation
import KeycardCore
import KeycardEngine

/// `keycard work`: plans runs for stored HR changes and executes them with the configured systems.
struct WorkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "work",
        abstract: "Turn stored HR events into runs and execute them (the engine without the webhook listener).",
        discussion: """
            Runs until SIGINT/SIGTERM, or with --until-idle until nothing can move without a person \
            (approvals, needs-human failures) or a future due date. Safe to kill at any moment: a restart \
            resumes every run without repeating a side effect.
            """)

    @OptionGroup var options: EngineOptions

    @Flag(help: "Exit once no run can move without a person or a future due date.")
    var untilIdle = false

    @Option(help: ArgumentHelp("Give up after this many seconds (exit code 3).", valueName: "seconds"))
    var timeout: Double?

    func run() async throws {
        let runtime = try options.runtime(purpose: .worker)
        let provisioner = try runtime.provisioner()
        let engine = runtime.engine
        let shutdown = ShutdownSignal()
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        await engine.start()
        var submitted = 0
        var failure: (any Error)?
        while !shutdown.isRequested {
            do {
                let wasIdle = untilIdle ? try engine.isIdle() : false
                let report = try await provisioner.provisionPending()
                submitted += report.submitted.count
                for problem in report.failed {
                    FileHandle.standardError.write(Data("keycard: event \(problem.eventID): \(problem.reason)\n".utf8))
                }
                if wasIdle, report.isEmpty { break }
            } catch {
                failure = error
                break
            }
            if let deadline, Date() >= deadline {
                failure = CLIError("--timeout: still busy after \(timeout ?? 0) s", exitCode: 3)
                break
            }
            await shutdown.sleep(seconds: untilIdle ? 0.05 : runtime.config.engine.pollInterval)
        }
        await engine.stop()
        if let failure { throw failure }
        try printSummary(engine: engine, submitted: submitted)
    }

    private func printSummary(engine: Engine, submitted: Int) throws {
        let runs = try engine.runs(limit: Int.max)
        var byState: [String: Int] = [:]
        for summary in runs { byState[summary.run.state.rawValue, default: 0] += 1 }
        if options.global.json {
            try JSONOutput.print(WorkSummary(submitted: submitted, runs: byState))
        } else {
            let states = byState.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            print("runs submitted: \(submitted); all runs: \(states.isEmpty ? "none" : states)")
        }
    }

    private struct WorkSummary: Encodable {
        var submitted: Int
        var runs: [String: Int]
    }
}
