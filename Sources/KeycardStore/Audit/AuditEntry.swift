import Foundation
import KeycardCore

/// What happened, for the audit trail: a step the engine executed, or an operator's action (pause, approve, ...).
public struct AuditEntry: Sendable, Hashable, Codable {
    public var timestamp: Date
    public var runID: String?
    public var stepID: String?
    public var employeeID: String?
    public var system: String?
    /// The system action (`create_user`), or the operator action (`pause`, `approve`, `rollback`).
    public var action: String
    /// Redacted again on append, whatever the caller passed.
    public var parameters: [String: String]
    public var justifications: [Justification]
    public var approver: String?
    /// `succeeded`, `failed: …`, `compensated`, `approved`, ...
    public var result: String
    public var confirmationID: String?
    /// `engine`, or the operator's name.
    public var actor: String
    /// A free-text reason (why a step was skipped, why a request was denied).
    public var detail: String?

    public init(
        timestamp: Date, runID: String? = nil, stepID: String? = nil, employeeID: String? = nil, system: String? = nil,
        action: String, parameters: [String: String] = [:], justifications: [Justification] = [], approver: String? = nil,
        result: String, confirmationID: String? = nil, actor: String = "engine", detail: String? = nil
    ) {
        self.timestamp = timestamp
        self.runID = runID
        self.stepID = stepID
        self.employeeID = employeeID
        self.system = system
        self.action = action
        self.parameters = parameters
        self.justifications = justifications
        self.approver = approver
        self.result = result
        self.confirmationID = confirmationID
        self.actor = actor
        self.detail = detail
    }
}

extension AuditEntry {
    /// The entry for an executed step (or compensation) the engine records with its outcome.
    public init(_ evidence: StepEvidence) {
        self.init(
            timestamp: evidence.at, runID: evidence.runID.rawValue, stepID: evidence.stepID.rawValue,
            employeeID: evidence.employeeID, system: evidence.system, action: evidence.action,
            parameters: evidence.parameters, justifications: evidence.justifications,
            approver: evidence.approvers.isEmpty ? nil : evidence.approvers.joined(separator: ", "),
            result: evidence.result, confirmationID: evidence.confirmationID)
    }
}
