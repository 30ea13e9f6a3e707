/// How hard the engine may push one system: calls in flight at once and a token bucket shared by all runs.
public struct SystemLimits: Sendable, Hashable, Codable {
    public var maxInFlight: Int
    public var ratePerSecond: Double
    /// Calls that may start at once after a quiet period.
    public var burst: Double

    public init(maxInFlight: Int = 8, ratePerSecond: Double = 10, burst: Double = 10) {
        self.maxInFlight = maxInFlight
        self.ratePerSecond = ratePerSecond
        self.burst = burst
    }

    enum CodingKeys: String, CodingKey {
        case maxInFlight = "max_in_flight", ratePerSecond = "rate_per_second", burst
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SystemLimits()
        maxInFlight = try container.decodeIfPresent(Int.self, forKey: .maxInFlight) ?? defaults.maxInFlight
        ratePerSecond = try container.decodeIfPresent(Double.self, forKey: .ratePerSecond) ?? defaults.ratePerSecond
        burst = try container.decodeIfPresent(Double.self, forKey: .burst) ?? max(1, ratePerSecond)
    }
}
