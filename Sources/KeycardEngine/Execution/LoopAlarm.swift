import Foundation
import KeycardCore

/// Rings the executor's loop at a deadline (the next token of a gate, a retry, a due step, the next poll).
/// Arming again replaces the deadline; `deadline` is nil once it has rung or been disarmed.
protocol LoopAlarm: Sendable {
    var deadline: Date? { get }
    func arm(at deadline: Date)
    func disarm()
}

enum LoopAlarms {
    /// The calls' thread waiting on the wall clock when `clock` is the wall clock (a bulk re-arms thousands of times a
    /// second); otherwise a task sleeping on `clock`, so a test's manual clock moves it.
    static func make(
        clock: any KeycardClock, calls: CallRunner, ring: @escaping @Sendable () -> Void
    ) -> any LoopAlarm {
        clock is SystemClock ? calls : ClockTaskAlarm(clock: clock, ring: ring)
    }
}
