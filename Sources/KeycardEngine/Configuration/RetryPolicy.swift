/// When to try a failed call again: exponential backoff, capped, with full jitter by default.
public struct RetryPolicy: Sendable, Hashable, Codable {
    /// How the delay is spread.
    public enum Jitter: String, Sendable, Hashable, Codable {
        /// Uniform between zero and the exponential delay (AWS's "full jitter").
        case full
        /// Exactly the exponential delay.
        case none
    }

    public var maxAttempts: Int
    /// Seconds before the second attempt (before jitter).
    public var baseDelay: Double
    public var maxDelay: Double
    public var multiplier: Double
    public var jitter: Jitter

    public init(maxAttempts: Int = 5, baseDelay: Double = 1, maxDelay: Double = 300, multiplier: Double = 2, jitter: Jitter = .full) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.multiplier = multiplier
        self.jitter = jitter
    }

    /// The delay ceiling after attempt `attempt` (1-based) failed: base × multiplier^(attempt−1), capped.
    public func ceiling(afterAttempt attempt: Int) -> Double {
        var delay = baseDelay
        for _ in 1..<max(attempt, 1) {
            delay *= multiplier
            if delay >= maxDelay { return maxDelay }
        }
        return min(delay, maxDelay)
    }

    /// The delay to wait after attempt `attempt` failed; `unit` is a uniform random number in 0..<1.
    public func delay(afterAttempt attempt: Int, unit: Double) -> Double {
        let ceiling = ceiling(afterAttempt: attempt)
        switch jitter {
        case .full: return ceiling * min(max(unit, 0), 1)
        case .none: return ceiling
        }
    }

    enum CodingKeys: String, CodingKey {
        case maxAttempts = "max_attempts", baseDelay = "base_delay", maxDelay = "max_delay", multiplier, jitter
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = RetryPolicy()
        maxAttempts = try container.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? defaults.maxAttempts
        baseDelay = try container.decodeIfPresent(Double.self, forKey: .baseDelay) ?? defaults.baseDelay
        maxDelay = try container.decodeIfPresent(Double.self, forKey: .maxDelay) ?? defaults.maxDelay
        multiplier = try container.decodeIfPresent(Double.self, forKey: .multiplier) ?? defaults.multiplier
        jitter = try container.decodeIfPresent(Jitter.self, forKey: .jitter) ?? defaults.jitter
    }
}
