import Foundation
import KeycardCore
import KeycardEngine

/// The demo without a console: the engine and provisioning run, and each run's outcome is printed as it happens.
struct DemoHeadless {
    let runtime: KeycardRuntime
    let printer: DemoPrinter
    let timeout: Double

    /// Runs until the script is delivered and no run can move on its own; then prints every run's state.
    func run(scriptDelivered: @Sendable () -> Bool) async throws {
        let engine = runtime.engine
        let provisioner = try runtime.provisioner()
        let events = engine.events
        let printer = self.printer
        let watcher = Task {
            for await event in events {
                guard case .runChanged(let id, let state) = event,
                      state.isTerminal || state == .awaitingApproval || state == .rollingBack,
                      let detail = try? engine.run(id)
                else { continue }
                printer.line("\(detail.run.employee.displayName) (\(detail.run.kind.rawValue)): \(state.rawValue)")
            }
        }
        await engine.start()
        do {
            _ = try await WorkLoop(engine: engine, provisioner: provisioner).run(
                untilIdle: true, deadline: Date().addingTimeInterval(timeout), stopRequested: { false },
                mayFinish: scriptDelivered, pause: { try? await Task.sleep(for: .milliseconds(100)) },
                onFailure: { printer.line("event \($0.eventID): \($0.reason)") })
        } catch {
            await engine.stop()
            watcher.cancel()
            if error is WorkLoop.TimedOut { throw CLIError("demo still busy after \(Int(timeout)) s", exitCode: 3) }
            throw error
        }
        await engine.stop()
        watcher.cancel()
        printer.line("done; runs:")
        for summary in try engine.runs(limit: Int.max).reversed() {
            let run = summary.run
            printer.line("  \(run.employee.displayName.padding(toLength: 14, withPad: " ", startingAt: 0)) \(run.kind.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(run.state.rawValue) \(summary.doneCount)/\(summary.stepCount)  \(run.id.rawValue)")
        }
    }
}
