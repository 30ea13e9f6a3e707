import GRDB

/// Plans written without what the `steps` view can derive (`StepColumns.plan`): a step's id and idempotency key come
/// from its run id and index when the plan leaves them out. Plans written before keep theirs and read the same.
enum CompactPlanMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-compact-step-plans") { db in
            try db.execute(sql: """
                DROP VIEW steps;
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
                    FROM run_plans p CROSS JOIN json_each(p.steps) e
                    CROSS JOIN step_states s ON s.run_id = p.run_id AND s.idx = json_extract(e.value, '$.idx');
                """)
        }
    }
}
