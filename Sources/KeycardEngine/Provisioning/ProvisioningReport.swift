import KeycardCore

/// What one provisioning pass did with the applied HR changes it found.
public struct ProvisioningReport: Sendable, Hashable {
    /// A change that became a run.
    public struct Submitted: Sendable, Hashable {
        public var eventID: String
        public var employeeID: String
        public var kind: RunKind
        public var runID: RunID
    }

    public var submitted: [Submitted] = []
    /// Changes that needed no run (nothing granted or revoked), by event id.
    public var unchanged: [String] = []
    /// Changes whose plan failed, with the reason (kept as a decision an operator can see and clear).
    public var failed: [(eventID: String, reason: String)] = []
    /// Changes left for a later pass because an earlier run of the same employee is still moving.
    public var deferred: [String] = []

    public init() {}

    /// True when the pass decided nothing (deferred changes aside).
    public var isEmpty: Bool { submitted.isEmpty && unchanged.isEmpty && failed.isEmpty }

    public static func == (lhs: ProvisioningReport, rhs: ProvisioningReport) -> Bool {
        lhs.submitted == rhs.submitted && lhs.unchanged == rhs.unchanged && lhs.deferred == rhs.deferred
            && lhs.failed.map(\.eventID) == rhs.failed.map(\.eventID) && lhs.failed.map(\.reason) == rhs.failed.map(\.reason)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(submitted)
        hasher.combine(unchanged)
        hasher.combine(failed.map(\.eventID))
    }
}
