import GRDB

/// Less work per committed transition: attempts clustered by run (no rowid, no extra indexes, no foreign-key probe:
/// only the engine writes them, for steps it holds), no index on every step state change (only failed steps are
/// listed across runs), and no audit index no query used.
enum EngineHotPathMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-engine-hot-path") { db in
            try db.execute(sql: """
                CREATE TABLE step_attempts_v5 (
                    run_id TEXT NOT NULL,
                    step_id TEXT NOT NULL,
                    compensation INTEGER NOT NULL,
                    number INTEGER NOT NULL,
                    started_at DOUBLE NOT NULL,
                    finished_at DOUBLE,
                    outcome TEXT NOT NULL,
                    error TEXT,
                    confirmation_id TEXT,
                    PRIMARY KEY (run_id, step_id, compensation, number)
                ) WITHOUT ROWID;
                INSERT INTO step_attempts_v5
                    SELECT run_id, step_id, compensation, number, started_at, finished_at, outcome, error, confirmation_id
                    FROM step_attempts;
                DROP TABLE step_attempts;
                ALTER TABLE step_attempts_v5 RENAME TO step_attempts;
                DROP INDEX steps_by_state;
                CREATE INDEX steps_failed ON steps(finished_at) WHERE state = 'failed';
                DROP INDEX audit_records_by_run;
                """)
        }
    }
}
