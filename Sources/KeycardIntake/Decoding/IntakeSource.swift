/// Where an HRIS delivery comes from; each source has its own payload shape and signature scheme.
public enum IntakeSource: String, Sendable, Hashable, Codable, CaseIterable {
    case canonical, bamboohr, hibob, merge, rippling, workday
}
