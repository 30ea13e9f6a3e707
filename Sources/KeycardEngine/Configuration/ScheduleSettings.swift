/// When steps fall due: joiners' lead times before the start date, leavers' cut-off, and each location's time zone.
public struct ScheduleSettings: Sendable, Hashable, Codable {
    /// Zone for locations not in `location_time_zones` (IANA name).
    public var defaultTimeZone: String
    /// Employee `location` → IANA time zone (`"San Francisco": America/Los_Angeles`).
    public var locationTimeZones: [String: String]
    /// Local hour a start date begins (joiners' lead times count back from it).
    public var workdayStartHour: Int
    /// Local hour access ends on a termination date given without a time.
    public var terminationHour: Int
    /// Business days before the start date a step kind is due (`identity: 1`); a kind not listed runs at once.
    public var leadBusinessDays: [String: Int]

    public init(
        defaultTimeZone: String = "UTC", locationTimeZones: [String: String] = [:], workdayStartHour: Int = 9,
        terminationHour: Int = 17,
        leadBusinessDays: [String: Int] = ["identity": 1, "account": 1, "membership": 1, "role": 1, "notification": 0]
    ) {
        self.defaultTimeZone = defaultTimeZone
        self.locationTimeZones = locationTimeZones
        self.workdayStartHour = workdayStartHour
        self.terminationHour = terminationHour
        self.leadBusinessDays = leadBusinessDays
    }

    enum CodingKeys: String, CodingKey {
        case defaultTimeZone = "default_time_zone", locationTimeZones = "location_time_zones"
        case workdayStartHour = "workday_start_hour", terminationHour = "termination_hour"
        case leadBusinessDays = "lead_business_days"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ScheduleSettings()
        defaultTimeZone = try container.decodeIfPresent(String.self, forKey: .defaultTimeZone) ?? defaults.defaultTimeZone
        locationTimeZones = try container.decodeIfPresent([String: String].self, forKey: .locationTimeZones) ?? [:]
        workdayStartHour = try container.decodeIfPresent(Int.self, forKey: .workdayStartHour) ?? defaults.workdayStartHour
        terminationHour = try container.decodeIfPresent(Int.self, forKey: .terminationHour) ?? defaults.terminationHour
        leadBusinessDays = try container.decodeIfPresent([String: Int].self, forKey: .leadBusinessDays)
            ?? defaults.leadBusinessDays
    }
}
