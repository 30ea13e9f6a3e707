import Foundation
import Synchronization

/// Spaces each system's calls at the instant they are made, after their start is durable: the gate admits steps at
/// the system's rate, but a group commit releases them together, and a vendor's own bucket would refuse the bunch.
/// GCRA (a token bucket kept as one "theoretical arrival time" per system), 0.2 % slower than the configured rate and
/// with half its burst: the other half stays in the vendor's bucket for calls the scheduler delays past their slot.
final class CallPacer: Sendable {
    private let arrivals = Mutex<[String: Date]>([:])
    private static let margin = 1.002

    /// Reserves the system's next conforming instant for a call wanted `now`; returns how long to wait for it.
    func reserve(system: String, limits: SystemLimits, now: Date) -> TimeInterval {
        let interval = Self.margin / max(limits.ratePerSecond, 0.001)
        let tolerance = (max(1, (limits.burst / 2).rounded(.down)) - 1) * interval
        return arrivals.withLock { arrivals in
            let theoretical = max(arrivals[system] ?? now, now)
            arrivals[system] = theoretical.addingTimeInterval(interval)
            let wait = theoretical.timeIntervalSince(now) - tolerance
            return wait > 1e-6 ? wait : 0
        }
    }
}
