import GRDB

/// Tables of the engine: runs, steps, attempts, approvals, leases, the pause switch and queued operator commands.
enum EngineMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-engine") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    employee_id TEXT NOT NULL,
                    employee TEXT NOT NULL,
                    state TEXT NOT NULL,
                    requested_by TEXT NOT NULL,
                    event_id TEXT,
                    tier_names TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    due_at DOUBLE NOT NULL,
                    started_at DOUBLE,
                    finished_at DOUBLE,
                    reason TEXT,
                    lease_owner TEXT,
                    lease_expires_at DOUBLE
                );
                CREATE INDEX runs_by_state ON runs(state, due_at);
                CREATE INDEX runs_by_employee ON runs(employee_id, created_at);
                CREATE TABLE steps (
                    id TEXT PRIMARY KEY,
                    run_id TEXT NOT NULL REFERENCES runs(id),
                    idx INTEGER NOT NULL,
                    system TEXT NOT NULL,
                    action TEXT NOT NULL,
                    parameters TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    tier INTEGER NOT NULL,
                    dependencies TEXT NOT NULL,
                    compensation TEXT,
                    critical INTEGER NOT NULL,
                    approval TEXT,
                    justifications TEXT NOT NULL,
                    state TEXT NOT NULL,
                    due_at DOUBLE,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    max_attempts INTEGER NOT NULL,
                    next_attempt_at DOUBLE,
                    lease_owner TEXT,
                    lease_expires_at DOUBLE,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    confirmation_id TEXT,
                    error TEXT,
                    needs_human INTEGER NOT NULL DEFAULT 0,
                    skip_cause TEXT,
                    skip_reason TEXT,
                    started_at DOUBLE,
                    finished_at DOUBLE,
                    compensation_confirmation_id TEXT
                );
                CREATE INDEX steps_by_run ON steps(run_id, idx);
                CREATE INDEX steps_by_state ON steps(state);
                CREATE TABLE step_attempts (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    step_id TEXT NOT NULL REFERENCES steps(id),
                    run_id TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    compensation INTEGER NOT NULL,
                    started_at DOUBLE NOT NULL,
                    finished_at DOUBLE,
                    outcome TEXT NOT NULL,
                    error TEXT,
                    confirmation_id TEXT,
                    UNIQUE (step_id, compensation, number)
                );
                CREATE INDEX step_attempts_by_run ON step_attempts(run_id, id);
                CREATE TABLE approvals (
                    step_id TEXT PRIMARY KEY REFERENCES steps(id),
                    run_id TEXT NOT NULL,
                    employee_id TEXT NOT NULL,
                    grant_text TEXT NOT NULL,
                    requirement TEXT NOT NULL,
                    requested_by TEXT NOT NULL,
                    requested_at DOUBLE NOT NULL,
                    expires_at DOUBLE NOT NULL,
                    status TEXT NOT NULL,
                    decisions TEXT NOT NULL,
                    escalated_to TEXT
                );
                CREATE INDEX approvals_by_status ON approvals(status, expires_at);
                CREATE TABLE engine_state (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL,
                    updated_at DOUBLE NOT NULL,
                    updated_by TEXT
                );
                CREATE TABLE engine_commands (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id TEXT NOT NULL,
                    step_id TEXT,
                    command TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    reason TEXT,
                    created_at DOUBLE NOT NULL,
                    processed_at DOUBLE,
                    result TEXT
                );
                CREATE INDEX engine_commands_open ON engine_commands(processed_at, id);
                """)
        }
    }
}
