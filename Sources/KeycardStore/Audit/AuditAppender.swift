import GRDB

/// Appends records to the audit chain inside one transaction: reads the head once, keeps it in memory, and saves
/// it once (`saveHead`) before the transaction commits. A copy taken before a savepoint restores it on rollback.
struct AuditAppender {
    /// The head after the last append; nil until something is appended.
    private var head: AuditHead?
    /// The head's hash as bytes, as the next record stores it (not read back from its hex for every record).
    private var headHashBytes: [UInt8]?

    /// Appends `entry`; returns the record as stored.
    mutating func append(_ entry: AuditEntry, statements: HotStatements) throws -> AuditRecord {
        try appendRow(entry, statements: statements).record
    }

    /// `append` for the engine's writes, which do not read the record back (returning it copied every field).
    mutating func appendOnly(_ entry: AuditEntry, statements: HotStatements) throws {
        _ = try appendRow(entry, statements: statements)
    }

    private mutating func appendRow(_ entry: AuditEntry, statements: HotStatements) throws -> AuditRow {
        let current = try head ?? AuditHead.fetch(statements.db)
            ?? AuditHead(count: 0, sequence: 0, hash: AuditRecord.genesisHash)
        let row = AuditRow(
            entry: entry, sequence: current.sequence + 1, prevHash: current.hash, prevHashBytes: headHashBytes)
        try row.insert(statements)
        head = AuditHead(count: current.count + 1, sequence: row.record.sequence, hash: row.record.hash)
        headHashBytes = row.hashBytes
        return row
    }

    /// Writes the new head, if anything was appended; call before the transaction commits.
    func saveHead(in db: Database) throws {
        try head?.save(db)
    }
}
