import Foundation
import GRDB
import KeycardCore

/// Reads `events` rows back into `StoredEvent` values.
enum StoredEvents {
    static func fetch(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [StoredEvent] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map(decode)
    }

    static func decode(_ row: Row) throws -> StoredEvent {
        let type = LifecycleEventType(rawValue: row["type"]) ?? .updated
        let event = LifecycleEvent(
            eventID: row["event_id"], type: type,
            timestamp: Date(timeIntervalSince1970: row["timestamp"]),
            employeeID: row["employee_id"],
            effectiveAt: Date(timeIntervalSince1970: row["effective_at"]),
            data: try JSONColumn.decode([String: AttributeValue].self, from: row["payload"]),
            source: row["source"])
        let appliedAt: Double? = row["applied_at"]
        return StoredEvent(
            id: row["id"], event: event, deliveryID: row["delivery_id"],
            status: StoredEvent.Status(rawValue: row["status"]) ?? .held,
            holdReason: row["hold_reason"], duplicateCount: row["duplicate_count"],
            storedAt: Date(timeIntervalSince1970: row["stored_at"]),
            appliedAt: appliedAt.map(Date.init(timeIntervalSince1970:)))
    }
}
