import Foundation

/// Why an applied HR change produced no run: nothing to change, a plan that could not be made, or an imported roster.
public struct ProvisioningDecision: Sendable, Hashable, Codable {
    /// The kind of decision.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The change grants and revokes nothing (e.g. a new phone number).
        case noAccessChange = "no_access_change"
        /// Planning failed (an unknown action, a cycle): the note says why; fixing policy and replaying retries it.
        case planningFailed = "planning_failed"
        /// An employee loaded as the starting roster: their access is taken to be in place already.
        case imported
    }

    public var eventID: String
    public var employeeID: String
    public var outcome: Outcome
    public var note: String
    public var decidedAt: Date

    public init(eventID: String, employeeID: String, outcome: Outcome, note: String, decidedAt: Date) {
        self.eventID = eventID
        self.employeeID = employeeID
        self.outcome = outcome
        self.note = note
        self.decidedAt = decidedAt
    }
}
