import Foundation
import Synchronization

/// The rate limit of one simulated system: a call takes a token or is refused with the wait until the next one.
final class TokenBucket: Sendable {
    private struct State {
        var tokens: Double
        var updatedAt: Date?
    }

    let settings: RateLimitSettings
    private let state: Mutex<State>

    init(_ settings: RateLimitSettings) {
        self.settings = settings
        state = Mutex(State(tokens: Double(settings.burst), updatedAt: nil))
    }

    /// Takes a token at `now`; when none is left, returns the seconds until one will be (the `Retry-After`).
    func take(at now: Date) -> Double? {
        state.withLock { state in
            if let updatedAt = state.updatedAt, now > updatedAt {
                let refill = now.timeIntervalSince(updatedAt) * settings.perSecond
                state.tokens = min(Double(settings.burst), state.tokens + refill)
            }
            if state.updatedAt.map({ now > $0 }) ?? true { state.updatedAt = now }
            if state.tokens >= 1 {
                state.tokens -= 1
                return nil
            }
            return (1 - state.tokens) / settings.perSecond
        }
    }

    /// Tokens left right now (for a systems view).
    func available(at now: Date) -> Double {
        state.withLock { state in
            guard let updatedAt = state.updatedAt, now > updatedAt else { return state.tokens }
            return min(Double(settings.burst), state.tokens + now.timeIntervalSince(updatedAt) * settings.perSecond)
        }
    }
}
