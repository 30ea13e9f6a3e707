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
        let deadline = Date().addingTimeInterval(timeout)
        var scriptDone = false
        while true {
            let idle = scriptDone ? try engine.isIdle() : false
            let report = try await provisioner.provisionPending()
            for failure in report.failed { printer.line("event \(failure.eventID): \(failure.reason)") }
            if idle, report.isEmpty { break }
            if Date() >= deadline {
                await engine.stop()
                watcher.cancel()
                throw CLIError("demo still busy after \(Int(timeout)) s", exitCode: 3)
            }
            try? await Task.sleep(for: .milliseconds(100))
            scriptDone = scriptDelivered()
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
