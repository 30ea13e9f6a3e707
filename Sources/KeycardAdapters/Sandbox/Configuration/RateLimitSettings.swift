/// A token bucket: `per_second` (or `per_minute`) sustained calls, bursts of up to `burst` calls.
public struct RateLimitSettings: Sendable, Hashable, Codable {
    public var perSecond: Double
    public var burst: Int

    public init(perSecond: Double, burst: Int? = nil) {
        self.perSecond = perSecond
        self.burst = burst ?? Swift.max(1, Int(perSecond.rounded(.up)))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ConfigurationKey.self)
        try container.rejectUnknownKeys(["per_second", "per_minute", "burst"])
        let rate: Double
        if let perSecond = try container.value(Double.self, "per_second") {
            rate = perSecond
        } else if let perMinute = try container.value(Double.self, "per_minute") {
            rate = perMinute / 60
        } else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "rate_limit needs per_second or per_minute"))
        }
        self.init(perSecond: rate, burst: try container.value(Int.self, "burst"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ConfigurationKey.self)
        try container.encode(perSecond, "per_second")
        try container.encode(burst, "burst")
    }
}
