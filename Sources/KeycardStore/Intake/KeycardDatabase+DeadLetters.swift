import Foundation
import GRDB
import KeycardCore

extension KeycardDatabase {
    /// Dead letters, newest first, optionally of one status.
    public func deadLetters(status: DeadLetter.Status? = nil, limit: Int = 500) throws -> [DeadLetter] {
        try pool.read { db in
            let rows: [Row]
            if let status {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM dead_letters WHERE status = ? ORDER BY id DESC LIMIT ?",
                                        arguments: [status.rawValue, limit])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM dead_letters ORDER BY id DESC LIMIT ?", arguments: [limit])
            }
            return try rows.map(Self.deadLetter(from:))
        }
    }

    public func deadLetter(id: Int64) throws -> DeadLetter? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM dead_letters WHERE id = ?", arguments: [id]).map(Self.deadLetter(from:))
        }
    }

    /// Marks an open dead letter resolved (`replayed` or `discarded`) with the operator's note.
    public func resolveDeadLetter(id: Int64, as status: DeadLetter.Status, resolution: String, at date: Date) throws {
        try pool.write { db in
            guard let current = try String.fetchOne(db, sql: "SELECT status FROM dead_letters WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "dead letter", id: String(id))
            }
            guard current == DeadLetter.Status.open.rawValue else {
                throw StoreError.invalidState("dead letter \(id) is already \(current)")
            }
            try db.execute(sql: "UPDATE dead_letters SET status = ?, resolution = ?, resolved_at = ? WHERE id = ?",
                           arguments: [status.rawValue, resolution, date.timeIntervalSince1970, id])
        }
    }

    static func deadLetter(from row: Row) throws -> DeadLetter {
        let resolvedAt: Double? = row["resolved_at"]
        return DeadLetter(
            id: row["id"], deliveryID: row["delivery_id"], source: row["source"], body: row["body"],
            errors: try JSONColumn.decode([FieldError].self, from: row["errors"]),
            status: DeadLetter.Status(rawValue: row["status"]) ?? .open,
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            resolvedAt: resolvedAt.map(Date.init(timeIntervalSince1970:)), resolution: row["resolution"])
    }
}
