import GRDB

/// The hash-chained audit trail table (filled in by the engine issue).
enum AuditMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
    }
}
