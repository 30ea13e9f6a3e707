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
        let pause = untilIdle ? 0.05 : runtime.config.engine.pollInterval
        let submitted: Int
        do {
            submitted = try await WorkLoop(engine: engine, provisioner: provisioner).run(
                untilIdle: untilIdle, deadline: deadline, stopRequested: { shutdown.isRequested },
                pause: { await shutdown.sleep(seconds: pause) },
                onFailure: { FileHandle.standardError.write(Data("keycard: event \($0.eventID): \($0.reason)\n".utf8)) })
        } catch is WorkLoop.TimedOut {
            await engine.stop()
            throw CLIError("--timeout: still busy after \(timeout ?? 0) s", exitCode: 3)
        } catch {
            await engine.stop()
            throw error
        }
        await engine.stop()
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
