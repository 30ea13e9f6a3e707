import Foundation

/// One record of the hash-chained audit trail.
public struct AuditRow: Sendable, Hashable, Identifiable {
    public var id: Int { sequence }
    public var sequence: Int
    public var at: Date
    public var runID: String
    public var employee: String
    public var system: String
    public var action: String
    public var result: String
    public var approver: String?
    public var confirmationID: String?
    /// The record's own hash (hex); shown shortened.
    public var hash: String

    public init(
        sequence: Int, at: Date, runID: String, employee: String, system: String, action: String, result: String,
        approver: String? = nil, confirmationID: String? = nil, hash: String
    ) {
        self.sequence = sequence
        self.at = at
        self.runID = runID
        self.employee = employee
        self.system = system
        self.action = action
        self.result = result
        self.approver = approver
        self.confirmationID = confirmationID
        self.hash = hash
    }
}

/// The result of checking the audit chain.
public enum AuditChainStatus: Sendable, Hashable {
    case verified(records: Int, at: Date)
    case broken(sequence: Int, reason: String)
    case unverified
}
