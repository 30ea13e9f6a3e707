import GRDB

/// One stored body per plan: runs made from the same plan (a department's hires) reference its `plan_bodies` row by
/// the SHA-256 of its bytes instead of each holding a copy (~1.8 KB a run, most of what a bulk of hires wrote). A plan
/// that names ids of its own run is kept in the run's row as before; rows written before keep theirs.
enum SharedPlanMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-shared-plan-bodies") { db in
            try db.execute(sql: """
                CREATE TABLE plan_bodies (
                    key TEXT PRIMARY KEY,
                    steps TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE run_plans_v8 (
                    run_id TEXT PRIMARY KEY,
                    steps TEXT,
                    plan_key TEXT,
                    CHECK ((steps IS NULL) <> (plan_key IS NULL))
                ) WITHOUT ROWID;
                INSERT INTO run_plans_v8 (run_id, steps) SELECT run_id, steps FROM run_plans;
                DROP VIEW steps;
                DROP TABLE run_plans;
                ALTER TABLE run_plans_v8 RENAME TO run_plans;
                CREATE VIEW steps AS
                    SELECT coalesce(json_extract(e.value, '$.id'), p.run_id || '/s' || s.idx) AS id,
                        p.run_id AS run_id, s.idx AS idx,
                        json_extract(e.value, '$.system') AS system, json_extract(e.value, '$.action') AS action,
                        json_extract(e.value, '$.parameters') AS parameters, json_extract(e.value, '$.kind') AS kind,
                        json_extract(e.value, '$.purpose') AS purpose, s.tier AS tier,
                        json_extract(e.value, '$.dependencies') AS dependencies,
                        json_extract(e.value, '$.compensation') AS compensation,
                        json_extract(e.value, '$.critical') AS critical, json_extract(e.value, '$.approval') AS approval,
                        json_extract(e.value, '$.justifications') AS justifications,
                        coalesce(json_extract(e.value, '$.idempotency_key'), p.run_id || '/s' || s.idx) AS idempotency_key,
                        s.state, s.due_at, s.attempts, s.max_attempts, s.next_attempt_at, s.lease_owner,
                        s.lease_expires_at, s.confirmation_id, s.error, s.needs_human, s.skip_cause, s.skip_reason,
                        s.started_at, s.finished_at, s.compensation_confirmation_id
                    FROM run_plans p LEFT JOIN plan_bodies b ON b.key = p.plan_key
                    CROSS JOIN json_each(coalesce(p.steps, b.steps)) e
                    CROSS JOIN step_states s ON s.run_id = p.run_id AND s.idx = json_extract(e.value, '$.idx');
                """)
        }
    }
}
