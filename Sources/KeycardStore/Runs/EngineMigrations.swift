import GRDB

/// Tables of the engine: runs, steps, attempts, approvals, leases (filled in by the engine issue).
enum EngineMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
    }
}
