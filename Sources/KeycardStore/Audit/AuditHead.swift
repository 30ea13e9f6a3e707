import GRDB

/// The end of the chain, kept apart from the records and updated in the same transaction, so truncation shows.
struct AuditHead: Sendable, Hashable {
    var count: Int
    var sequence: Int64
    var hash: String

    static func fetch(_ db: Database) throws -> AuditHead? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT count, sequence, hash FROM audit_head WHERE id = 1")).map { row in
            AuditHead(count: row["count"], sequence: row["sequence"], hash: row["hash"])
        }
    }

    func save(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO audit_head (id, count, sequence, hash) VALUES (1, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET count = excluded.count, sequence = excluded.sequence, hash = excluded.hash
                """
        ).execute(arguments: [count, sequence, hash])
    }
}
