import Foundation
import GRDB
import KeycardCore

/// Folds applied lifecycle events into each employee's current attributes and history, in event time.
enum EmployeeLedger {
    static func current(_ employeeID: String, db: Database) throws -> EmployeeRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM employees WHERE id = ?", arguments: [employeeID]) else {
            return nil
        }
        return try record(from: row)
    }

    static func record(from row: Row) throws -> EmployeeRecord {
        EmployeeRecord(
            employee: Employee(id: row["id"], attributes: try JSONColumn.decode([String: AttributeValue].self, from: row["attributes"])),
            status: EmployeeRecord.Status(rawValue: row["status"]) ?? .active,
            lastEventAt: Date(timeIntervalSince1970: row["last_event_at"]),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
    }

    /// Errors an event has only in the light of what is stored (a termination before the hire's start).
    static func conflicts(of event: LifecycleEvent, with record: EmployeeRecord?) -> [FieldError]? {
        guard event.type == .terminated, let record,
              let start = record.employee.string(CanonicalAttribute.startDate).flatMap(Timestamps.parseDate),
              event.effectiveAt < start
        else { return nil }
        return [FieldError(
            path: "data.\(CanonicalAttribute.terminationDate)",
            reason: "is before the employee's start_date \(Timestamps.formatDate(start)) (termination before hire)")]
    }

    /// Applies an event; an event older than the employee's latest one is folded in its place in time.
    static func apply(_ event: LifecycleEvent, now: Date, db: Database) throws {
        let before = try current(event.employeeID, db: db)
        let after: (attributes: [String: AttributeValue], status: EmployeeRecord.Status, last: Date)
        if let before, event.timestamp < before.lastEventAt {
            after = try replay(employeeID: event.employeeID, including: event.eventID, db: db)
        } else {
            let folded = fold(event, into: before.map { ($0.employee.attributes, $0.status) })
            after = (folded.0, folded.1, max(event.timestamp, before?.lastEventAt ?? event.timestamp))
        }
        try db.execute(
            sql: """
                INSERT INTO employees (id, attributes, status, last_event_at, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET attributes = excluded.attributes, status = excluded.status,
                    last_event_at = excluded.last_event_at, updated_at = excluded.updated_at
                """,
            arguments: [event.employeeID, try JSONColumn.encode(after.attributes), after.status.rawValue,
                        after.last.timeIntervalSince1970, now.timeIntervalSince1970])
        let old = before?.employee.attributes
        let changed = Set(after.attributes.keys).union(old?.keys ?? [:].keys)
            .filter { old?[$0] != after.attributes[$0] }.sorted()
        try db.execute(
            sql: """
                INSERT INTO employee_history (employee_id, event_id, event_type, event_timestamp, before, after, changed, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [event.employeeID, event.eventID, event.type.rawValue, event.timestamp.timeIntervalSince1970,
                        try old.map { try JSONColumn.encode($0) }, try JSONColumn.encode(after.attributes),
                        try JSONColumn.encode(changed), now.timeIntervalSince1970])
        try db.execute(sql: "UPDATE events SET status = 'applied', hold_reason = NULL, applied_at = ? WHERE event_id = ?",
                       arguments: [now.timeIntervalSince1970, event.eventID])
    }

    /// Applies the held events of an employee whose hire just arrived, oldest first.
    static func releaseHeld(employeeID: String, now: Date, db: Database) throws {
        let held = try StoredEvents.fetch(db, sql: "SELECT * FROM events WHERE employee_id = ? AND status = 'held' ORDER BY timestamp, id",
                                          arguments: [employeeID])
        for stored in held {
            try apply(stored.event, now: now, db: db)
        }
    }

    private static func fold(
        _ event: LifecycleEvent, into state: ([String: AttributeValue], EmployeeRecord.Status)?
    ) -> ([String: AttributeValue], EmployeeRecord.Status) {
        var attributes = state?.0 ?? [:]
        switch event.type {
        case .hired:
            attributes = event.data
            return (attributes, .active)
        case .updated:
            attributes.merge(event.data) { _, new in new }
            return (attributes, state?.1 ?? .active)
        case .terminated:
            attributes.merge(event.data) { _, new in new }
            return (attributes, .terminated)
        }
    }

    /// Recomputes an employee from all their applied events (and the one being applied) in event time.
    private static func replay(
        employeeID: String, including eventID: String, db: Database
    ) throws -> ([String: AttributeValue], EmployeeRecord.Status, Date) {
        let events = try StoredEvents.fetch(
            db, sql: "SELECT * FROM events WHERE employee_id = ? AND (status = 'applied' OR event_id = ?) ORDER BY timestamp, id",
            arguments: [employeeID, eventID])
        var state: ([String: AttributeValue], EmployeeRecord.Status)?
        var last = Date.distantPast
        for stored in events {
            state = fold(stored.event, into: state)
            last = max(last, stored.event.timestamp)
        }
        return (state?.0 ?? [:], state?.1 ?? .active, last)
    }
}
