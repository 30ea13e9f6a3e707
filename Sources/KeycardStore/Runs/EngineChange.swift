import Foundation
import KeycardCore

/// One write the engine asks of the store; a group of them commits atomically, many groups share one transaction.
public enum EngineChange: Sendable {
    /// A new run with its steps' state rows and approvals; `encoded` holds its JSON columns.
    case insertRun(Run, steps: [Step], approvals: [Approval], encoded: EncodedRun)
    case updateRun(Run)
    /// Saves a step's mutable columns; with `expecting`, only if the stored state is that one (else the group fails;
    /// `ready` matches a stored `pending`: readiness is not stored). `updateStep` makes it from a `Step`.
    case saveStepState(StepStateRow, expecting: StepState?)
    case insertAttempt(StepAttempt, runID: RunID)
    case finishAttempt(StepAttempt, runID: RunID)
    case saveApproval(Approval)
    case setPaused(Bool, by: String, at: Date)
    case insertCommand(EngineCommand)
    case finishCommand(id: Int64, result: String, at: Date)
    /// Evidence of an executed step for the audit trail, written in the same transaction as its outcome.
    case audit(StepEvidence)
    /// An operator's action (approve, deny, skip, rollback, pause, ...) for the audit trail.
    case auditEntry(AuditEntry)
}

extension EngineChange {
    /// Saves the step's mutable columns (`saveStepState`).
    @inlinable
    public static func updateStep(_ step: Step, expecting: StepState?) -> EngineChange {
        .saveStepState(StepStateRow(step), expecting: expecting)
    }
}

/// The result of applying one group of changes.
public enum EngineChangeResult: Sendable {
    case applied
    /// A conditional update found another state: someone else changed the step first.
    case conflict(String)
    case failed(String)

    public var isApplied: Bool {
        if case .applied = self { return true }
        return false
    }
}

/// An operator command queued for the engine process that holds the run's lease.
public struct EngineCommand: Sendable, Hashable, Codable {
    public var id: Int64?
    public var runID: RunID
    public var stepID: StepID?
    /// `approve`, `deny`, `retry`, `skip`, `rollback`, `cancel`.
    public var command: String
    public var actor: String
    public var reason: String?
    public var createdAt: Date
    public var processedAt: Date?
    public var result: String?

    public init(
        id: Int64? = nil, runID: RunID, stepID: StepID?, command: String, actor: String, reason: String?,
        createdAt: Date, processedAt: Date? = nil, result: String? = nil
    ) {
        self.id = id
        self.runID = runID
        self.stepID = stepID
        self.command = command
        self.actor = actor
        self.reason = reason
        self.createdAt = createdAt
        self.processedAt = processedAt
        self.result = result
    }
}

/// What the audit trail records about one executed step (or compensation).
public struct StepEvidence: Sendable, Hashable, Codable {
    public var at: Date
    public var runID: RunID
    public var stepID: StepID
    public var employeeID: String
    public var system: String
    public var action: String
    /// Parameters with secret-looking values already redacted.
    public var parameters: [String: String]
    public var justifications: [Justification]
    public var approvers: [String]
    /// `succeeded`, `failed: …`, `compensated`.
    public var result: String
    public var confirmationID: String?

    public init(
        at: Date, runID: RunID, stepID: StepID, employeeID: String, system: String, action: String,
        parameters: [String: String], justifications: [Justification], approvers: [String], result: String,
        confirmationID: String?
    ) {
        self.at = at
        self.runID = runID
        self.stepID = stepID
        self.employeeID = employeeID
        self.system = system
        self.action = action
        self.parameters = parameters
        self.justifications = justifications
        self.approvers = approvers
        self.result = result
        self.confirmationID = confirmationID
    }
}
