/// The engine's settings: the `engine:` section of keycard.yaml (snake_case keys, every key optional).
public struct EngineConfiguration: Sendable, Hashable, Codable {
    /// This process's lease owner name; a restarted process with the same name takes its leases back at once.
    public var workerID: String?
    /// Seconds a lease lasts without renewal; another process takes over expired leases.
    public var leaseDuration: Double
    /// Seconds between looks at the store for runs and commands from other processes.
    public var pollInterval: Double
    /// Limits per system name; systems not listed get `default_limits`.
    public var systems: [String: SystemLimits]
    public var defaultLimits: SystemLimits
    public var retry: RetryPolicy
    /// Per action (`okta:create_user`) maximum attempts, overriding `retry.max_attempts`.
    public var maxAttempts: [String: Int]
    public var approvals: ApprovalSettings
    public var schedule: ScheduleSettings

    public init(
        workerID: String? = nil, leaseDuration: Double = 30, pollInterval: Double = 1,
        systems: [String: SystemLimits] = [:], defaultLimits: SystemLimits = SystemLimits(),
        retry: RetryPolicy = RetryPolicy(), maxAttempts: [String: Int] = [:],
        approvals: ApprovalSettings = ApprovalSettings(), schedule: ScheduleSettings = ScheduleSettings()
    ) {
        self.workerID = workerID
        self.leaseDuration = leaseDuration
        self.pollInterval = pollInterval
        self.systems = systems
        self.defaultLimits = defaultLimits
        self.retry = retry
        self.maxAttempts = maxAttempts
        self.approvals = approvals
        self.schedule = schedule
    }

    public func limits(for system: String) -> SystemLimits { systems[system] ?? defaultLimits }

    public func maxAttempts(system: String, action: String) -> Int {
        max(1, maxAttempts["\(system):\(action)"] ?? retry.maxAttempts)
    }

    enum CodingKeys: String, CodingKey {
        case workerID = "worker_id", leaseDuration = "lease_duration", pollInterval = "poll_interval", systems
        case defaultLimits = "default_limits", retry, maxAttempts = "max_attempts", approvals, schedule
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = EngineConfiguration()
        workerID = try container.decodeIfPresent(String.self, forKey: .workerID)
        leaseDuration = try container.decodeIfPresent(Double.self, forKey: .leaseDuration) ?? defaults.leaseDuration
        pollInterval = try container.decodeIfPresent(Double.self, forKey: .pollInterval) ?? defaults.pollInterval
        systems = try container.decodeIfPresent([String: SystemLimits].self, forKey: .systems) ?? [:]
        defaultLimits = try container.decodeIfPresent(SystemLimits.self, forKey: .defaultLimits) ?? defaults.defaultLimits
        retry = try container.decodeIfPresent(RetryPolicy.self, forKey: .retry) ?? defaults.retry
        maxAttempts = try container.decodeIfPresent([String: Int].self, forKey: .maxAttempts) ?? [:]
        approvals = try container.decodeIfPresent(ApprovalSettings.self, forKey: .approvals) ?? defaults.approvals
        schedule = try container.decodeIfPresent(ScheduleSettings.self, forKey: .schedule) ?? defaults.schedule
    }
}
