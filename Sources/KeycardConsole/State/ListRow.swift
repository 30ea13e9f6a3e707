import Foundation
import KeycardCore

/// A row of a list view: an id for the cursor, text for `/` search, fields for `key:value` filters, values to sort by.
public protocol ListRow {
    var rowID: String { get }
    var searchText: String { get }
    /// The value of a filter field (`state`, `kind`, `system`...), `nil` when the row has no such field.
    func field(_ key: String) -> String?
    func sortKey(_ key: String) -> SortValue
}

/// A comparable value for sorting rows of any list.
public enum SortValue: Comparable, Sendable {
    case number(Double)
    case text(String)
}

/// Which column a list is sorted by, and which way.
public struct SortSpec: Sendable, Hashable {
    public var key: String
    public var descending: Bool

    public init(key: String, descending: Bool = false) {
        self.key = key
        self.descending = descending
    }
}

extension RunRow: ListRow {
    public var rowID: String { id }
    public var searchText: String { "\(employeeName) \(employeeID) \(kind.rawValue) \(StatusStyle.label(state)) \(id)" }
    public func field(_ key: String) -> String? {
        switch key {
        case "state": return StatusStyle.label(state)
        case "kind": return kind.rawValue
        case "employee": return employeeName
        default: return nil
        }
    }
    public func sortKey(_ key: String) -> SortValue {
        switch key {
        case "employee": return .text(employeeName.lowercased())
        case "state": return .text(StatusStyle.label(state))
        case "progress": return .number(stepsTotal == 0 ? 0 : Double(stepsDone) / Double(stepsTotal))
        default: return .number(startedAt?.timeIntervalSince1970 ?? .infinity)
        }
    }
}

extension FailureRow: ListRow {
    public var rowID: String { stepID }
    public var searchText: String { "\(employeeName) \(stepTitle) \(system) \(error)" }
    public func field(_ key: String) -> String? {
        switch key {
        case "system": return system
        case "employee": return employeeName
        case "critical": return critical ? "yes" : "no"
        default: return nil
        }
    }
    public func sortKey(_ key: String) -> SortValue {
        switch key {
        case "employee": return .text(employeeName.lowercased())
        case "system": return .text(system)
        default: return .number(failedAt.timeIntervalSince1970)
        }
    }
}

extension ApprovalRow: ListRow {
    public var rowID: String { stepID }
    public var searchText: String { "\(employeeName) \(grant) \(policy) \(whySensitive)" }
    public func field(_ key: String) -> String? {
        switch key {
        case "risk": return highRisk ? "high" : "normal"
        case "policy": return policy
        case "employee": return employeeName
        default: return nil
        }
    }
    public func sortKey(_ key: String) -> SortValue {
        switch key {
        case "employee": return .text(employeeName.lowercased())
        case "expiry": return .number(expiresAt?.timeIntervalSince1970 ?? .infinity)
        default: return .number(requestedAt.timeIntervalSince1970)
        }
    }
}

extension EmployeeRow: ListRow {
    public var rowID: String { id }
    public var searchText: String { "\(name) \(email) \(department) \(title) \(status)" }
    public func field(_ key: String) -> String? {
        switch key {
        case "status": return status
        case "department", "dept": return department
        default: return nil
        }
    }
    public func sortKey(_ key: String) -> SortValue {
        switch key {
        case "department": return .text(department.lowercased())
        default: return .text(name.lowercased())
        }
    }
}

extension SystemRow: ListRow {
    public var rowID: String { system }
    public var searchText: String { "\(system) \(displayName) \(health.rawValue) \(note ?? "")" }
    public func field(_ key: String) -> String? { key == "health" ? health.rawValue : nil }
    public func sortKey(_ key: String) -> SortValue {
        switch key {
        case "queue": return .number(Double(queueDepth))
        default: return .text(system)
        }
    }
}

extension EventRow: ListRow {
    public var rowID: String { id }
    public var searchText: String { "\(id) \(source) \(type) \(employee) \(status.rawValue) \(fieldErrors.map(\.description).joined(separator: " "))" }
    public func field(_ key: String) -> String? {
        switch key {
        case "status", "state": return status.rawValue
        case "source": return source
        case "type": return type
        default: return nil
        }
    }
    public func sortKey(_ key: String) -> SortValue {
        switch key {
        case "employee": return .text(employee.lowercased())
        default: return .number(receivedAt.timeIntervalSince1970)
        }
    }
}

extension AuditRow: ListRow {
    public var rowID: String { String(sequence) }
    public var searchText: String { "\(runID) \(employee) \(system) \(action) \(result) \(approver ?? "") \(confirmationID ?? "")" }
    public func field(_ key: String) -> String? {
        switch key {
        case "system": return system
        case "result": return result
        default: return nil
        }
    }
    public func sortKey(_ key: String) -> SortValue {
        .number(Double(sequence))
    }
}
