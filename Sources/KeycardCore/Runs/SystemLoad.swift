/// How busy one system is right now: for the console's Systems view.
public struct SystemLoad: Sendable, Hashable, Codable {
    public var system: String
    public var inFlight: Int
    public var maxInFlight: Int
    /// Steps ready to run and waiting for a slot or a rate-limit token.
    public var queueDepth: Int
    /// Current rate (slowed after 429s) and configured rate, calls per second.
    public var ratePerSecond: Double
    public var configuredRatePerSecond: Double
    /// Tokens available now in the system's bucket.
    public var budget: Double
    /// Seconds until the current queue is drained at the current rate.
    public var etaSeconds: Double

    public init(
        system: String, inFlight: Int, maxInFlight: Int, queueDepth: Int, ratePerSecond: Double,
        configuredRatePerSecond: Double, budget: Double, etaSeconds: Double
    ) {
        self.system = system
        self.inFlight = inFlight
        self.maxInFlight = maxInFlight
        self.queueDepth = queueDepth
        self.ratePerSecond = ratePerSecond
        self.configuredRatePerSecond = configuredRatePerSecond
        self.budget = budget
        self.etaSeconds = etaSeconds
    }
}
