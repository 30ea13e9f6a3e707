import Foundation
import GRDB
import KeycardCore

/// Applies engine changes inside a transaction, with cached statements (the hot path of group commit).
enum EngineWrites {
    /// Thrown to roll back a group whose conditional update did not match.
    struct Conflict: Error {
        var message: String
    }

    /// Applies one group's changes in order.
    static func apply(
        _ group: [EngineChange], in db: Database, statements: HotStatements, audit: inout AuditAppender
    ) throws {
        // By index: `for change in group` copies each change (retaining all it holds) before applying it.
        for index in group.indices { try apply(group[index], in: db, statements: statements, audit: &audit) }
    }

    static func apply(
        _ change: EngineChange, in db: Database, statements: HotStatements, audit: inout AuditAppender
    ) throws {
        switch change {
        case .insertRun(let run, let steps, let approvals, let encoded):
            try insertRun(run, encoded: encoded, statements: statements)
            // By index: `for step in steps` would copy each whole `Step` (its plan's fields retained and released).
            for index in steps.indices {
                try insertStepState(StepStateRow(steps[index]), tier: steps[index].tier, statements: statements)
            }
            for approval in approvals { try saveApproval(approval, in: db) }
        case .updateRun(let run):
            try statements.execute(updateRunSQL) { values in
                bindMutableColumns(of: run, to: &values)
                values.add(run.id.rawValue)
            }
        case .saveStepState(let row, let expecting):
            try updateStep(row, expecting: expecting, statements: statements)
        case .insertAttempt(let attempt, let runID):
            try statements.execute(insertAttemptSQL) { values in
                values.add(attempt.stepID.rawValue)
                values.add(runID.rawValue)
                values.add(attempt.number)
                values.add(attempt.compensation)
                values.add(attempt.startedAt)
                values.add(attempt.finishedAt)
                values.add(attempt.outcome.rawValue)
                values.add(attempt.error)
                values.add(attempt.confirmationID)
            }
        case .finishAttempt(let attempt, let runID):
            try statements.execute(finishAttemptSQL) { values in
                values.add(attempt.finishedAt)
                values.add(attempt.outcome.rawValue)
                values.add(attempt.error)
                values.add(attempt.confirmationID)
                values.add(runID.rawValue)
                values.add(attempt.stepID.rawValue)
                values.add(attempt.compensation)
                values.add(attempt.number)
            }
        case .saveApproval(let approval):
            try saveApproval(approval, in: db)
        case .setPaused(let paused, let by, let at):
            try db.execute(
                sql: "INSERT OR REPLACE INTO engine_state (key, value, updated_at, updated_by) VALUES ('paused', ?, ?, ?)",
                arguments: [paused ? "true" : "false", at.timeIntervalSince1970, by])
        case .insertCommand(let command):
            try insertCommand(command, in: db)
        case .finishCommand(let id, let result, let at):
            try db.execute(
                sql: "UPDATE engine_commands SET processed_at = ?, result = ? WHERE id = ?",
                arguments: [at.timeIntervalSince1970, result, id])
        case .audit(let evidence):
            try audit.appendOnly(AuditEntry(evidence), statements: statements)
        case .auditEntry(let entry):
            try audit.appendOnly(entry, statements: statements)
        }
    }

    static func insertCommand(_ command: EngineCommand, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO engine_commands (run_id, step_id, command, actor, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                command.runID.rawValue, command.stepID?.rawValue, command.command, command.actor, command.reason,
                command.createdAt.timeIntervalSince1970,
            ])
    }

    /// The run columns execution changes, in the order `bindMutableColumns(of: Run)` binds them.
    private static let mutableRunColumns = [
        "state", "due_at", "started_at", "finished_at", "reason", "lease_owner", "lease_expires_at",
    ]

    private static let insertAttemptSQL = HotSQL("""
        INSERT OR REPLACE INTO step_attempts
        (step_id, run_id, number, compensation, started_at, finished_at, outcome, error, confirmation_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)

    private static let finishAttemptSQL = HotSQL("""
        UPDATE step_attempts SET finished_at = ?, outcome = ?, error = ?, confirmation_id = ?
        WHERE run_id = ? AND step_id = ? AND compensation = ? AND number = ?
        """)

    private static let insertRunSQL = HotSQL("""
        INSERT INTO runs (id, kind, employee_id, employee, requested_by, event_id, tier_names, created_at,
        \(mutableRunColumns.joined(separator: ", ")))
        VALUES (\(Array(repeating: "?", count: 8 + mutableRunColumns.count).joined(separator: ", ")))
        """)

    private static let updateRunSQL = HotSQL("""
        UPDATE runs SET \(mutableRunColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?
        """)

    private static let insertPlanSQL = HotSQL("INSERT INTO run_plans (run_id, steps) VALUES (?, ?)")
    private static let insertSharedPlanSQL = HotSQL("INSERT OR IGNORE INTO plan_bodies (key, steps) VALUES (?, ?)")
    private static let insertPlanReferenceSQL = HotSQL("INSERT INTO run_plans (run_id, plan_key) VALUES (?, ?)")

    /// The run's row and its plan: with the run, or as a reference to the body it shares with the runs of the same
    /// plan (written by the first of them). The steps' states are written one by one, by the caller.
    private static func insertRun(_ run: Run, encoded: EncodedRun, statements: HotStatements) throws {
        try statements.execute(insertRunSQL) { values in
            values.add(run.id.rawValue)
            values.add(run.kind.rawValue)
            values.add(run.employee.id)
            values.add(encoded.employee)
            values.add(run.requestedBy)
            values.add(run.eventID)
            values.add(encoded.tierNames)
            values.add(run.createdAt)
            bindMutableColumns(of: run, to: &values)
        }
        guard let key = encoded.plan.sharedKey else {
            try statements.execute(insertPlanSQL) { values in
                values.add(run.id.rawValue)
                values.add(encoded.plan.bytes)
            }
            return
        }
        try statements.execute(insertSharedPlanSQL) { values in
            values.add(key)
            values.add(encoded.plan.bytes)
        }
        try statements.execute(insertPlanReferenceSQL) { values in
            values.add(run.id.rawValue)
            values.add(key)
        }
    }

    private static func bindMutableColumns(of run: Run, to values: inout HotBindings) {
        values.add(run.state.rawValue)
        values.add(run.dueAt)
        values.add(run.startedAt)
        values.add(run.finishedAt)
        values.add(run.reason)
        values.add(run.leaseOwner)
        values.add(run.leaseExpiresAt)
    }

    /// The step columns execution changes, in the order `bindMutableColumns(of: Step)` binds them.
    private static let mutableColumns = [
        "state", "due_at", "attempts", "max_attempts", "next_attempt_at", "lease_owner", "lease_expires_at",
        "confirmation_id", "error", "needs_human", "skip_cause", "skip_reason", "started_at", "finished_at",
        "compensation_confirmation_id",
    ]

    private static let insertStepStateSQL = HotSQL("""
        INSERT INTO step_states (run_id, idx, tier, \(mutableColumns.joined(separator: ", ")))
        VALUES (\(Array(repeating: "?", count: 3 + mutableColumns.count).joined(separator: ", ")))
        """)

    /// `?18`: the expected state, when the update is conditional; a ready step is stored as pending.
    private static let updateStepSQL = HotSQL("""
        UPDATE step_states SET \(mutableColumns.map { "\($0) = ?" }.joined(separator: ", "))
        WHERE run_id = ? AND idx = ? AND (?18 IS NULL OR state = ?18 OR (?18 = 'ready' AND state = 'pending'))
        """)

    /// The step's narrow state row; its plan is in the run's `run_plans` row.
    private static func insertStepState(_ step: StepStateRow, tier: Int, statements: HotStatements) throws {
        try statements.execute(insertStepStateSQL) { values in
            values.add(step.runID.rawValue)
            values.add(step.index)
            values.add(tier)
            bindMutableColumns(of: step, to: &values)
        }
    }

    private static func updateStep(_ step: StepStateRow, expecting: StepState?, statements: HotStatements) throws {
        let changed = try statements.execute(updateStepSQL) { values in
            bindMutableColumns(of: step, to: &values)
            values.add(step.runID.rawValue)
            values.add(step.index)
            values.add(expecting?.rawValue)
        }
        if changed == 0 {
            throw Conflict(message: "step \(step.index) of run \(step.runID) is no longer \(expecting?.rawValue ?? "stored")")
        }
    }

    private static func bindMutableColumns(of step: StepStateRow, to values: inout HotBindings) {
        values.add(step.state.rawValue)
        values.add(step.dueAt)
        values.add(step.attempts)
        values.add(step.maxAttempts)
        values.add(step.nextAttemptAt)
        values.add(step.leaseOwner)
        values.add(step.leaseExpiresAt)
        values.add(step.confirmationID)
        values.add(step.error)
        values.add(step.needsHuman)
        values.add(step.skipCause?.rawValue)
        values.add(step.skipReason)
        values.add(step.startedAt)
        values.add(step.finishedAt)
        values.add(step.compensationConfirmationID)
    }

    private static func saveApproval(_ approval: Approval, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO approvals (step_id, run_id, employee_id, grant_text, requirement, requested_by,
            requested_at, expires_at, status, decisions, escalated_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                approval.stepID.rawValue, approval.runID.rawValue, approval.employeeID, approval.grant,
                try JSONColumn.encode(approval.requirement), approval.requestedBy,
                approval.requestedAt.timeIntervalSince1970, approval.expiresAt.timeIntervalSince1970,
                approval.status.rawValue, try JSONColumn.encode(approval.decisions), approval.escalatedTo,
            ])
    }
}
