import Foundation
import KeycardEngine

/// Provisioning passes on a started engine until told to stop, or (until-idle) until a pass on an idle engine
/// decides nothing: the loop of `keycard work` and of the headless demo.
struct WorkLoop {
    let engine: Engine
    let provisioner: LifecycleProvisioner

    /// The deadline passed while runs could still move.
    struct TimedOut: Error {}

    /// Returns how many runs were submitted. `mayFinish` holds back the idle exit (the demo's script still posting).
    func run(
        untilIdle: Bool, deadline: Date?, stopRequested: () -> Bool, mayFinish: () -> Bool = { true },
        pause: () async -> Void, onFailure: (ProvisioningReport.Failure) -> Void
    ) async throws -> Int {
        var submitted = 0
        while !stopRequested() {
            let wasIdle = untilIdle && mayFinish() ? try engine.isIdle() : false
            let report = try await provisioner.provisionPending()
            submitted += report.submitted.count
            report.failed.forEach(onFailure)
            if wasIdle, report.isEmpty { break }
            if let deadline, Date() >= deadline { throw TimedOut() }
            await pause()
        }
        return submitted
    }
}
