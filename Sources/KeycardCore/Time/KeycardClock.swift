import Foundation

/// The one source of "now" and of waiting, injected everywhere so tests can move time.
public protocol KeycardClock: Sendable {
    var now: Date { get }
    func sleep(until deadline: Date) async throws
}

/// Wall-clock time.
public struct SystemClock: KeycardClock {
    public init() {}

    public var now: Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        // A small explicit tolerance: the default lets timers coalesce, waking paced calls together.
        if seconds > 0 { try await Task.sleep(for: .seconds(seconds), tolerance: .microseconds(50)) }
    }
}
