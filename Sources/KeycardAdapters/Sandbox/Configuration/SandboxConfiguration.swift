/// How the simulated systems behave: where their state lives, their latency, limits, error rates and scripted faults.
///
/// Embedded in `keycard.yaml` under `sandbox:` (with `mode: sandbox`); keys are snake case.
public struct SandboxConfiguration: Sendable, Hashable, Codable {
    /// What a `crash` fault does once its side effect is committed.
    public enum CrashAction: String, Sendable, Hashable, Codable {
        /// The process kills itself with SIGKILL, as a crashed engine would die.
        case kill
        /// The call throws a retryable error instead (for tests inside one process).
        case `throw`
    }

    /// The sandbox's own SQLite file; nil keeps the state in memory for the life of the process.
    public var database: String?
    /// Seeds the random choices (latency, error rate) so a run can be reproduced.
    public var seed: UInt64
    /// Behaviour of every system unless `systems` overrides a field.
    public var defaults: SystemBehavior
    /// Per-system overrides, keyed by system name (`okta`, `slack`, ...).
    public var systems: [String: SystemBehavior]
    public var faults: [SandboxFault]
    public var onCrash: CrashAction

    public init(
        database: String? = nil, seed: UInt64 = 1, defaults: SystemBehavior = SystemBehavior(),
        systems: [String: SystemBehavior] = [:], faults: [SandboxFault] = [], onCrash: CrashAction = .kill
    ) {
        self.database = database
        self.seed = seed
        self.defaults = defaults
        self.systems = systems
        self.faults = faults
        self.onCrash = onCrash
    }

    /// The behaviour of one system: its overrides on top of the defaults.
    public func behavior(of system: String) -> SystemBehavior {
        defaults.overridden(by: systems[system])
    }

    static let keys = ["database", "database_path", "seed", "defaults", "systems", "faults", "on_crash"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ConfigurationKey.self)
        try container.rejectUnknownKeys(Self.keys)
        database = try container.value(String.self, "database") ?? container.value(String.self, "database_path")
        seed = try container.value(UInt64.self, "seed") ?? 1
        defaults = try container.value(SystemBehavior.self, "defaults") ?? SystemBehavior()
        systems = try Self.decodeSystems(from: container)
        faults = try container.value([SandboxFault].self, "faults") ?? []
        onCrash = try container.value(CrashAction.self, "on_crash") ?? .kill
    }

    /// System names are keys; a decoder that converts snake case turns `slack_message` into `slackMessage`, so undo it.
    private static func decodeSystems(
        from container: KeyedDecodingContainer<ConfigurationKey>
    ) throws -> [String: SystemBehavior] {
        guard container.contains(ConfigurationKey("systems")) else { return [:] }
        let systems = try container.nestedContainer(keyedBy: ConfigurationKey.self, forKey: ConfigurationKey("systems"))
        var result: [String: SystemBehavior] = [:]
        for key in systems.allKeys {
            result[ConfigurationKey.snakeCase(key.stringValue)] = try systems.decode(SystemBehavior.self, forKey: key)
        }
        return result
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ConfigurationKey.self)
        try container.encode(database, "database")
        try container.encode(seed, "seed")
        try container.encode(defaults, "defaults")
        try container.encode(systems.isEmpty ? nil : systems, "systems")
        try container.encode(faults.isEmpty ? nil : faults, "faults")
        try container.encode(onCrash, "on_crash")
    }
}
