import Foundation
import GRDB
import KeycardCore

/// Applies engine changes inside a transaction, with cached statements (the hot path of group commit).
enum EngineWrites {
    /// Thrown to roll back a group whose conditional update did not match.
    struct Conflict: Error {
        var message: String
    }

    static func apply(_ change: EngineChange, in db: Database) throws {
        switch change {
        case .insertRun(let run, let steps, let approvals):
            try insertRun(run, in: db)
            for step in steps { try insertStep(step, in: db) }
            for approval in approvals { try saveApproval(approval, in: db) }
        case .updateRun(let run):
            try db.cachedStatement(sql: """
                UPDATE runs SET state = ?, due_at = ?, started_at = ?, finished_at = ?, reason = ?,
                lease_owner = ?, lease_expires_at = ? WHERE id = ?
                """).execute(arguments: [
                    run.state.rawValue, run.dueAt.timeIntervalSince1970, run.startedAt?.timeIntervalSince1970,
                    run.finishedAt?.timeIntervalSince1970, run.reason, run.leaseOwner,
                    run.leaseExpiresAt?.timeIntervalSince1970, run.id.rawValue,
                ])
        case .updateStep(let step, let expecting):
            try updateStep(step, expecting: expecting, in: db)
        case .insertAttempt(let attempt, let runID):
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO step_attempts
                (step_id, run_id, number, compensation, started_at, finished_at, outcome, error, confirmation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    attempt.stepID.rawValue, runID.rawValue, attempt.number, attempt.compensation,
                    attempt.startedAt.timeIntervalSince1970, attempt.finishedAt?.timeIntervalSince1970,
                    attempt.outcome.rawValue, attempt.error, attempt.confirmationID,
                ])
        case .finishAttempt(let attempt):
            try db.cachedStatement(sql: """
                UPDATE step_attempts SET finished_at = ?, outcome = ?, error = ?, confirmation_id = ?
                WHERE step_id = ? AND compensation = ? AND number = ?
                """).execute(arguments: [
                    attempt.finishedAt?.timeIntervalSince1970, attempt.outcome.rawValue, attempt.error,
                    attempt.confirmationID, attempt.stepID.rawValue, attempt.compensation, attempt.number,
                ])
        case .saveApproval(let approval):
            try saveApproval(approval, in: db)
        case .setPaused(let paused, let by, let at):
            try db.execute(
                sql: "INSERT OR REPLACE INTO engine_state (key, value, updated_at, updated_by) VALUES ('paused', ?, ?, ?)",
                arguments: [paused ? "true" : "false", at.timeIntervalSince1970, by])
        case .insertCommand(let command):
            try db.execute(
                sql: """
                    INSERT INTO engine_commands (run_id, step_id, command, actor, reason, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    command.runID.rawValue, command.stepID?.rawValue, command.command, command.actor, command.reason,
                    command.createdAt.timeIntervalSince1970,
                ])
        case .finishCommand(let id, let result, let at):
            try db.execute(
                sql: "UPDATE engine_commands SET processed_at = ?, result = ? WHERE id = ?",
                arguments: [at.timeIntervalSince1970, result, id])
        case .audit(let evidence):
            try EngineAudit.record(evidence, in: db)
        case .auditEntry(let entry):
            try EngineAudit.record(entry, in: db)
        }
    }

    private static func insertRun(_ run: Run, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO runs (id, kind, employee_id, employee, state, requested_by, event_id, tier_names,
                created_at, due_at, started_at, finished_at, reason, lease_owner, lease_expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                run.id.rawValue, run.kind.rawValue, run.employee.id, try JSONColumn.encode(run.employee),
                run.state.rawValue, run.requestedBy, run.eventID, try JSONColumn.encode(run.tierNames),
                run.createdAt.timeIntervalSince1970, run.dueAt.timeIntervalSince1970,
                run.startedAt?.timeIntervalSince1970, run.finishedAt?.timeIntervalSince1970, run.reason,
                run.leaseOwner, run.leaseExpiresAt?.timeIntervalSince1970,
            ])
    }

    private static func insertStep(_ step: Step, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO steps (id, run_id, idx, system, action, parameters, kind, purpose, tier, dependencies,
            compensation, critical, approval, justifications, state, max_attempts, idempotency_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                step.id.rawValue, step.runID.rawValue, step.index, step.system, step.action,
                step.parameters.isEmpty ? "{}" : try JSONColumn.encode(step.parameters), step.kind.rawValue,
                step.purpose.rawValue, step.tier, dependencyList(step.dependencies), step.compensation, step.critical,
                try step.approval.map { try JSONColumn.encode($0) },
                step.justifications.isEmpty ? "[]" : try JSONColumn.encode(step.justifications),
                step.state.rawValue, step.maxAttempts, step.idempotencyKey,
            ])
        try updateStep(step, expecting: nil, in: db)
    }

    /// `["run-…/s0","run-…/s3"]` without a JSONEncoder: step ids need no escaping beyond quotes and backslashes.
    private static func dependencyList(_ dependencies: [StepID]) throws -> String {
        if dependencies.contains(where: { $0.rawValue.contains("\"") || $0.rawValue.contains("\\") }) {
            return try JSONColumn.encode(dependencies)
        }
        return "[" + dependencies.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
    }

    private static func updateStep(_ step: Step, expecting: StepState?, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE steps SET state = ?, due_at = ?, attempts = ?, max_attempts = ?, next_attempt_at = ?, lease_owner = ?,
            lease_expires_at = ?, confirmation_id = ?, error = ?, needs_human = ?, skip_cause = ?, skip_reason = ?,
            started_at = ?, finished_at = ?, compensation_confirmation_id = ?
            WHERE id = ? AND (? IS NULL OR state = ?)
            """)
        try statement.execute(arguments: [
            step.state.rawValue, step.dueAt?.timeIntervalSince1970, step.attempts, step.maxAttempts,
            step.nextAttemptAt?.timeIntervalSince1970, step.leaseOwner, step.leaseExpiresAt?.timeIntervalSince1970,
            step.confirmationID, step.error, step.needsHuman, step.skipCause?.rawValue, step.skipReason,
            step.startedAt?.timeIntervalSince1970, step.finishedAt?.timeIntervalSince1970,
            step.compensationConfirmationID, step.id.rawValue, expecting?.rawValue, expecting?.rawValue,
        ])
        if db.changesCount == 0 {
            throw Conflict(message: "step \(step.id) is no longer \(expecting?.rawValue ?? "stored")")
        }
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
