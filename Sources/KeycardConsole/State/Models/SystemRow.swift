/// Health of one connected system as the engine sees it.
public enum SystemHealth: String, Sendable, Hashable, CaseIterable {
    case healthy, degraded, down, paused
}

/// One system in the Systems view: health, concurrency, rate budget, backlog.
public struct SystemRow: Sendable, Hashable, Identifiable {
    public var id: String { system }
    public var system: String
    public var displayName: String
    public var health: SystemHealth
    public var inFlight: Int
    public var maxInFlight: Int
    /// Calls left in the current rate-limit window, and the window's size.
    public var rateRemaining: Int
    public var rateCapacity: Int
    public var queueDepth: Int
    /// Seconds until the queue drains at the current rate.
    public var etaSeconds: Double?
    public var failedSteps: Int
    /// Calls per interval, oldest first, for the sparkline.
    public var recentCalls: [Double]
    public var note: String?

    public init(
        system: String, displayName: String, health: SystemHealth, inFlight: Int, maxInFlight: Int, rateRemaining: Int,
        rateCapacity: Int, queueDepth: Int, etaSeconds: Double?, failedSteps: Int = 0, recentCalls: [Double] = [], note: String? = nil
    ) {
        self.system = system
        self.displayName = displayName
        self.health = health
        self.inFlight = inFlight
        self.maxInFlight = maxInFlight
        self.rateRemaining = rateRemaining
        self.rateCapacity = rateCapacity
        self.queueDepth = queueDepth
        self.etaSeconds = etaSeconds
        self.failedSteps = failedSteps
        self.recentCalls = recentCalls
        self.note = note
    }
}
