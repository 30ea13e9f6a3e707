import Foundation
import GRDB

extension KeycardDatabase {
    /// Appends one audit record in its own transaction (operator actions; the engine appends inside its own).
    @discardableResult
    public func appendAudit(_ entry: AuditEntry) throws -> AuditRecord {
        try pool.write { db in try AuditTrail.append(entry, in: db) }
    }

    public func verifyAudit() throws -> AuditVerification {
        try pool.read { db in try AuditTrail.verify(in: db) }
    }

    /// The export as one string; use `exportAudit(since:until:format:write:)` to stream a large trail.
    public func exportAudit(since: Date? = nil, until: Date? = nil, format: AuditExportFormat) throws -> String {
        var output = ""
        try exportAudit(since: since, until: until, format: format) { output += $0 }
        return output
    }

    public func exportAudit(
        since: Date? = nil, until: Date? = nil, format: AuditExportFormat, write: (String) throws -> Void
    ) throws {
        try pool.read { db in try AuditTrail.export(since: since, until: until, format: format, in: db, write: write) }
    }

    /// The newest `limit` records, oldest first, for the console's audit view and `keycard audit tail`.
    public func auditTail(limit: Int = 20) throws -> [AuditRecord] {
        try pool.read { db in try AuditTrail.tail(limit: limit, in: db) }
    }
}
