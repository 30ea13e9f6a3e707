import Foundation
import GRDB
import KeycardCore

extension KeycardDatabase {
    /// Every employee's current attributes, ordered by id.
    public func employees() throws -> [Employee] {
        try employeeRecords().map(\.employee)
    }

    public func employeeRecords() throws -> [EmployeeRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM employees ORDER BY id").map(EmployeeLedger.record(from:))
        }
    }

    public func employee(id: String) throws -> Employee? {
        try employeeRecord(id: id)?.employee
    }

    public func employeeRecord(id: String) throws -> EmployeeRecord? {
        try pool.read { db in try EmployeeLedger.current(id, db: db) }
    }

    /// Every applied change to an employee, oldest first: what a mover's diff is computed from.
    public func employeeHistory(id: String) throws -> [EmployeeChange] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM employee_history WHERE employee_id = ? ORDER BY id", arguments: [id]).map(EmployeeChange.init(row:))
        }
    }
}

extension EmployeeChange {
    init(row: Row) throws {
        let before: String? = row["before"]
        self.init(
            id: row["id"], employeeID: row["employee_id"], eventID: row["event_id"],
            eventType: LifecycleEventType(rawValue: row["event_type"]) ?? .updated,
            eventTimestamp: Date(timeIntervalSince1970: row["event_timestamp"]),
            before: try before.map { try JSONColumn.decode([String: AttributeValue].self, from: $0) },
            after: try JSONColumn.decode([String: AttributeValue].self, from: row["after"]),
            changed: try JSONColumn.decode([String].self, from: row["changed"]),
            appliedAt: Date(timeIntervalSince1970: row["applied_at"]))
    }
}
