/// How one simulated system answers: latency, random errors, timeout and rate limit. Absent fields mean "not simulated".
public struct SystemBehavior: Sendable, Hashable, Codable {
    public var latencyMs: LatencyDistribution?
    /// Share of calls (0...1) that fail with a retryable "503 service unavailable" before any side effect.
    public var errorRate: Double?
    /// A call whose sampled latency exceeds this fails as a retryable timeout after waiting this long, with no side effect.
    public var timeoutMs: Double?
    public var rateLimit: RateLimitSettings?

    public init(
        latencyMs: LatencyDistribution? = nil, errorRate: Double? = nil, timeoutMs: Double? = nil,
        rateLimit: RateLimitSettings? = nil
    ) {
        self.latencyMs = latencyMs
        self.errorRate = errorRate
        self.timeoutMs = timeoutMs
        self.rateLimit = rateLimit
    }

    /// These settings with every field `other` sets replacing ours.
    public func overridden(by other: SystemBehavior?) -> SystemBehavior {
        guard let other else { return self }
        return SystemBehavior(
            latencyMs: other.latencyMs ?? latencyMs, errorRate: other.errorRate ?? errorRate,
            timeoutMs: other.timeoutMs ?? timeoutMs, rateLimit: other.rateLimit ?? rateLimit)
    }

    static let keys = ["latency_ms", "error_rate", "timeout_ms", "rate_limit"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ConfigurationKey.self)
        try container.rejectUnknownKeys(Self.keys)
        latencyMs = try container.value(LatencyDistribution.self, "latency_ms")
        errorRate = try container.value(Double.self, "error_rate")
        timeoutMs = try container.value(Double.self, "timeout_ms")
        rateLimit = try container.value(RateLimitSettings.self, "rate_limit")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ConfigurationKey.self)
        try container.encode(latencyMs, "latency_ms")
        try container.encode(errorRate, "error_rate")
        try container.encode(timeoutMs, "timeout_ms")
        try container.encode(rateLimit, "rate_limit")
    }
}
