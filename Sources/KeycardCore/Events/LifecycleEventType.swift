/// What happened to an employee, as the canonical `event_type`.
public enum LifecycleEventType: String, Sendable, Hashable, Codable, CaseIterable {
    case hired = "employee.hired"
    case updated = "employee.updated"
    case terminated = "employee.terminated"
}
