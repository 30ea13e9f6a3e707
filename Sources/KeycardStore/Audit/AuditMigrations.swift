import GRDB

/// The hash-chained audit trail and its head (count and last hash, so a truncated tail is noticed).
enum AuditMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-audit") { db in
            try db.execute(sql: """
                CREATE TABLE audit_records (
                    sequence INTEGER PRIMARY KEY,
                    timestamp TEXT NOT NULL,
                    run_id TEXT,
                    step_id TEXT,
                    employee_id TEXT,
                    system TEXT,
                    action TEXT NOT NULL,
                    parameters TEXT NOT NULL,
                    justification TEXT NOT NULL,
                    approver TEXT,
                    result TEXT NOT NULL,
                    confirmation_id TEXT,
                    actor TEXT NOT NULL,
                    detail TEXT,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX audit_records_by_time ON audit_records(timestamp);
                CREATE INDEX audit_records_by_run ON audit_records(run_id);
                CREATE TABLE audit_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    count INTEGER NOT NULL,
                    sequence INTEGER NOT NULL,
                    hash TEXT NOT NULL
                );
                """)
        }
    }
}
