import Foundation
import Synchronization

/// Spaces each system's calls at the instant they are made, after their start is durable: the gate admits steps at
/// the system's rate, but a group commit releases them together, and a vendor's own bucket would refuse the bunch.
/// GCRA (a token bucket kept as one "theoretical arrival time" per system), 0.2 % slower than the configured rate and
/// with half its burst: the other half stays in the vendor's bucket for calls the scheduler delays past their slot.
final class CallPacer: Sendable {
    private let arrivals = Mutex<[String: Date]>([:])
    private static let margin = 1.002

    /// The schedule calls conform to: 0.2 % under the configured rate, half its burst. The system's gate admits
    /// steps on the same schedule, so a call only waits here when a group commit released several at once; a gate
    /// admitting at the full configured rate made nearly every call of a busy system sleep here (a timer each).
    static func admission(_ limits: SystemLimits) -> (ratePerSecond: Double, burst: Double) {
        (max(limits.ratePerSecond, 0.001) / margin, max(1, (limits.burst / 2).rounded(.down)))
    }

    /// The first instant from `now` at which a call would conform (`now` if one would now). The gate admits no step
    /// before it: calls released late by a commit push the schedule ahead, and a gate admitting at the full rate
    /// regardless would leave every later call of the system sleeping here, a timer each.
    func nextConforming(system: String, limits: SystemLimits, now: Date) -> Date {
        let admission = Self.admission(limits)
        let tolerance = (admission.burst - 1) / admission.ratePerSecond
        guard let theoretical = arrivals.withLock({ $0[system] }) else { return now }
        return max(now, theoretical.addingTimeInterval(-tolerance))
    }

    /// Reserves the system's next conforming instant for a call wanted `now`; returns how long to wait for it.
    func reserve(system: String, limits: SystemLimits, now: Date) -> TimeInterval {
        let admission = Self.admission(limits)
        let interval = 1 / admission.ratePerSecond
        let tolerance = (admission.burst - 1) * interval
        return arrivals.withLock { arrivals in
            let theoretical = max(arrivals[system] ?? now, now)
            arrivals[system] = theoretical.addingTimeInterval(interval)
            let wait = theoretical.timeIntervalSince(now) - tolerance
            return wait > 1e-6 ? wait : 0
        }
    }
}
