import Foundation
import GRDB
import KeycardCore

/// Reading the engine's rows into Core values.
enum EngineRows {
    static func date(_ row: Row, _ column: String) -> Date? {
        let seconds: Double? = row[column]
        return seconds.map(Date.init(timeIntervalSince1970:))
    }

    static func run(_ row: Row) throws -> Run {
        Run(
            id: RunID(row["id"] as String), kind: RunKind(rawValue: row["kind"]) ?? .joiner,
            employee: try JSONColumn.decode(Employee.self, from: row["employee"]),
            state: RunState(rawValue: row["state"]) ?? .failed, requestedBy: row["requested_by"],
            eventID: row["event_id"], tierNames: try JSONColumn.decode([String].self, from: row["tier_names"]),
            createdAt: date(row, "created_at")!, dueAt: date(row, "due_at")!, startedAt: date(row, "started_at"),
            finishedAt: date(row, "finished_at"), reason: row["reason"], leaseOwner: row["lease_owner"],
            leaseExpiresAt: date(row, "lease_expires_at"))
    }

    static func step(_ row: Row) throws -> Step {
        let approval: String? = row["approval"]
        let skipCause: String? = row["skip_cause"]
        let runID = RunID(row["run_id"] as String)
        return Step(
            id: StepID(row["id"] as String), runID: runID, index: row["idx"],
            system: row["system"], action: row["action"],
            parameters: try JSONColumn.decode([String: String].self, from: row["parameters"]),
            kind: ActionCapability.Kind(rawValue: row["kind"]) ?? .account,
            purpose: StepPurpose(rawValue: row["purpose"]) ?? .grant, tier: row["tier"],
            dependencies: try StepColumns.dependencies(row["dependencies"], run: runID),
            compensation: row["compensation"], critical: row["critical"],
            approval: try approval.map { try JSONColumn.decode(ApprovalRequirement.self, from: $0) },
            justifications: try JSONColumn.decode([Justification].self, from: row["justifications"]),
            state: StepState(rawValue: row["state"]) ?? .failed, dueAt: date(row, "due_at"),
            attempts: row["attempts"], maxAttempts: row["max_attempts"], nextAttemptAt: date(row, "next_attempt_at"),
            leaseOwner: row["lease_owner"], leaseExpiresAt: date(row, "lease_expires_at"),
            idempotencyKey: row["idempotency_key"], confirmationID: row["confirmation_id"], error: row["error"],
            needsHuman: row["needs_human"], skipCause: skipCause.flatMap(SkipCause.init(rawValue:)),
            skipReason: row["skip_reason"], startedAt: date(row, "started_at"), finishedAt: date(row, "finished_at"),
            compensationConfirmationID: row["compensation_confirmation_id"])
    }

    static func attempt(_ row: Row) -> StepAttempt {
        StepAttempt(
            stepID: StepID(row["step_id"] as String), number: row["number"], compensation: row["compensation"],
            startedAt: date(row, "started_at")!, finishedAt: date(row, "finished_at"),
            outcome: StepAttempt.Outcome(rawValue: row["outcome"]) ?? .interrupted, error: row["error"],
            confirmationID: row["confirmation_id"])
    }

    static func approval(_ row: Row) throws -> Approval {
        Approval(
            stepID: StepID(row["step_id"] as String), runID: RunID(row["run_id"] as String),
            employeeID: row["employee_id"], grant: row["grant_text"],
            requirement: try JSONColumn.decode(ApprovalRequirement.self, from: row["requirement"]),
            requestedBy: row["requested_by"], requestedAt: date(row, "requested_at")!,
            expiresAt: date(row, "expires_at")!, status: Approval.Status(rawValue: row["status"]) ?? .pending,
            decisions: try JSONColumn.decode([Approval.Decision].self, from: row["decisions"]),
            escalatedTo: row["escalated_to"])
    }
}
