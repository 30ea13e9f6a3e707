import Foundation
import GRDB
import KeycardCore

extension KeycardDatabase {
    /// Stored events, newest first, optionally of one employee or one status.
    public func events(employeeID: String? = nil, status: StoredEvent.Status? = nil, limit: Int = 500) throws -> [StoredEvent] {
        try pool.read { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let employeeID { clauses.append("employee_id = ?"); arguments += [employeeID] }
            if let status { clauses.append("status = ?"); arguments += [status.rawValue] }
            let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            arguments += [limit]
            return try StoredEvents.fetch(db, sql: "SELECT * FROM events \(whereClause) ORDER BY timestamp DESC, id DESC LIMIT ?",
                                          arguments: arguments)
        }
    }

    /// One stored event by its `event_id`.
    public func event(eventID: String) throws -> StoredEvent? {
        try pool.read { db in
            try StoredEvents.fetch(db, sql: "SELECT * FROM events WHERE event_id = ?", arguments: [eventID]).first
        }
    }

    /// The raw delivery an event or dead letter came from: the exact bytes received.
    public func delivery(id: Int64) throws -> RawDelivery? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM raw_deliveries WHERE id = ?", arguments: [id]) else { return nil }
            return RawDelivery(
                source: row["source"], headers: try JSONColumn.decode([String: String].self, from: row["headers"]),
                body: row["body"], receivedAt: Date(timeIntervalSince1970: row["received_at"]))
        }
    }

    /// Counts of stored events by status, deliveries, and dead letters by status.
    public func intakeCounts() throws -> IntakeCounts {
        try pool.read { db in
            IntakeCounts(
                deliveries: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM raw_deliveries") ?? 0,
                applied: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE status = 'applied'") ?? 0,
                held: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE status = 'held'") ?? 0,
                duplicates: try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(duplicate_count), 0) FROM events") ?? 0,
                openDeadLetters: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dead_letters WHERE status = 'open'") ?? 0,
                employees: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employees") ?? 0)
        }
    }
}

/// Totals of the intake tables, for summaries and the console header.
public struct IntakeCounts: Sendable, Hashable, Codable {
    public var deliveries: Int
    public var applied: Int
    public var held: Int
    public var duplicates: Int
    public var openDeadLetters: Int
    public var employees: Int
}
