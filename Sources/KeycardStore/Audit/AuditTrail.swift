import Foundation
import GRDB

/// The hash-chained evidence of everything Keycard did: append inside the caller's transaction, verify, read, export.
public enum AuditTrail {
    /// Appends one record after the current head; call inside the write transaction that records what happened.
    @discardableResult
    public static func append(_ entry: AuditEntry, in db: Database) throws -> AuditRecord {
        var appender = AuditAppender()
        let record = try appender.append(entry, statements: HotStatements(db))
        try appender.saveHead(in: db)
        return record
    }

    /// Checks every record's hash and link, and the head; names the first break.
    public static func verify(in db: Database) throws -> AuditVerification {
        let records = try Row.fetchAll(db, sql: "SELECT * FROM audit_records ORDER BY sequence").map(AuditRecord.init(row:))
        return AuditVerifier(records: records, head: try AuditHead.fetch(db)).verify()
    }

    /// Records with `since <= timestamp < until`, oldest first.
    public static func records(since: Date? = nil, until: Date? = nil, in db: Database) throws -> [AuditRecord] {
        try cursor(since: since, until: until, in: db).map { $0 }
    }

    /// The last `limit` records, oldest first.
    public static func tail(limit: Int, in db: Database) throws -> [AuditRecord] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM audit_records ORDER BY sequence DESC LIMIT ?", arguments: [max(0, limit)]
        ).map(AuditRecord.init(row:)).reversed()
    }

    /// Writes the records with `since <= timestamp < until` in `format`, a chunk at a time, to `write`.
    public static func export(
        since: Date? = nil, until: Date? = nil, format: AuditExportFormat, in db: Database,
        write: (String) throws -> Void
    ) throws {
        if format == .csv { try write(AuditExportFormat.csvHeader) }
        for record in try cursor(since: since, until: until, in: db) {
            try write(format.line(for: record))
        }
    }

    private static func cursor(since: Date?, until: Date?, in db: Database) throws -> [AuditRecord] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM audit_records WHERE (? IS NULL OR timestamp >= ?) AND (? IS NULL OR timestamp < ?)
                ORDER BY sequence
                """,
            arguments: [
                since.map(AuditTimestamp.format), since.map(AuditTimestamp.format),
                until.map(AuditTimestamp.format), until.map(AuditTimestamp.format),
            ]
        ).map(AuditRecord.init(row:))
    }
}
