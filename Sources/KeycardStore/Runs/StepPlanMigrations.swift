import GRDB

/// A step's plan and its state kept apart: the plan of a run's steps is one JSON row written once (`run_plans`), the
/// state of each step a narrow row the executor updates (`step_states`, a run's steps on one page); `steps` is a view
/// joining them (in that order: each plan is parsed once), so readers see the columns they always did. Storing a run writes 1 wide row instead of one per step,
/// and a transaction of many transitions dirties far fewer pages.
enum StepPlanMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-step-plans") { db in
            try db.execute(sql: """
                CREATE TABLE run_plans (
                    run_id TEXT PRIMARY KEY,
                    steps TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE step_states (
                    run_id TEXT NOT NULL,
                    idx INTEGER NOT NULL,
                    tier INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    due_at DOUBLE,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    max_attempts INTEGER NOT NULL,
                    next_attempt_at DOUBLE,
                    lease_owner TEXT,
                    lease_expires_at DOUBLE,
                    confirmation_id TEXT,
                    error TEXT,
                    needs_human INTEGER NOT NULL DEFAULT 0,
                    skip_cause TEXT,
                    skip_reason TEXT,
                    started_at DOUBLE,
                    finished_at DOUBLE,
                    compensation_confirmation_id TEXT,
                    PRIMARY KEY (run_id, idx)
                ) WITHOUT ROWID;
                INSERT INTO run_plans (run_id, steps)
                    SELECT run_id, json_group_array(json_object(
                        'id', id, 'idx', idx, 'system', system, 'action', action, 'parameters', json(parameters),
                        'kind', kind, 'purpose', purpose, 'tier', tier, 'dependencies', json(dependencies),
                        'compensation', compensation, 'critical', critical, 'approval', json(approval),
                        'justifications', json(justifications), 'idempotency_key', idempotency_key))
                    FROM (SELECT * FROM steps ORDER BY run_id, idx) GROUP BY run_id;
                INSERT INTO step_states
                    SELECT run_id, idx, tier, state, due_at, attempts, max_attempts, next_attempt_at, lease_owner,
                    lease_expires_at, confirmation_id, error, needs_human, skip_cause, skip_reason, started_at,
                    finished_at, compensation_confirmation_id FROM steps;
                CREATE TABLE approvals_v6 (
                    step_id TEXT PRIMARY KEY,
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
                INSERT INTO approvals_v6 SELECT step_id, run_id, employee_id, grant_text, requirement, requested_by,
                    requested_at, expires_at, status, decisions, escalated_to FROM approvals;
                DROP TABLE approvals;
                ALTER TABLE approvals_v6 RENAME TO approvals;
                CREATE INDEX approvals_by_status ON approvals(status, expires_at);
                DROP TABLE steps;
                CREATE INDEX step_states_failed ON step_states(finished_at) WHERE state = 'failed';
                CREATE VIEW steps AS
                    SELECT json_extract(e.value, '$.id') AS id, p.run_id AS run_id, s.idx AS idx,
                        json_extract(e.value, '$.system') AS system, json_extract(e.value, '$.action') AS action,
                        json_extract(e.value, '$.parameters') AS parameters, json_extract(e.value, '$.kind') AS kind,
                        json_extract(e.value, '$.purpose') AS purpose, s.tier AS tier,
                        json_extract(e.value, '$.dependencies') AS dependencies,
                        json_extract(e.value, '$.compensation') AS compensation,
                        json_extract(e.value, '$.critical') AS critical, json_extract(e.value, '$.approval') AS approval,
                        json_extract(e.value, '$.justifications') AS justifications,
                        json_extract(e.value, '$.idempotency_key') AS idempotency_key,
                        s.state, s.due_at, s.attempts, s.max_attempts, s.next_attempt_at, s.lease_owner,
                        s.lease_expires_at, s.confirmation_id, s.error, s.needs_human, s.skip_cause, s.skip_reason,
                        s.started_at, s.finished_at, s.compensation_confirmation_id
                    FROM run_plans p CROSS JOIN json_each(p.steps) e
                    CROSS JOIN step_states s ON s.run_id = p.run_id AND s.idx = json_extract(e.value, '$.idx');
                """)
        }
    }
}
