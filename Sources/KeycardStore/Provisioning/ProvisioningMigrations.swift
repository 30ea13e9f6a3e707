import GRDB

/// What became of each applied HR change: a run, or a recorded reason why none was needed or possible.
enum ProvisioningMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-provisioning") { db in
            try db.execute(sql: """
                CREATE UNIQUE INDEX runs_by_event ON runs(event_id) WHERE event_id IS NOT NULL;
                CREATE TABLE provisioning_decisions (
                    event_id TEXT PRIMARY KEY,
                    employee_id TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    note TEXT NOT NULL,
                    decided_at REAL NOT NULL
                );
                """)
        }
    }
}
