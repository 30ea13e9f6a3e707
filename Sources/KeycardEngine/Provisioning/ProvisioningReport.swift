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

    /// A change whose plan failed, with the reason (kept as a decision an operator can see and clear).
    public struct Failure: Sendable, Hashable {
        public var eventID: String
        public var reason: String
    }

    public var submitted: [Submitted] = []
    /// Changes that needed no run (nothing granted or revoked), by event id.
    public var unchanged: [String] = []
    public var failed: [Failure] = []
    /// Changes left for a later pass because an earlier run of the same employee is still moving.
    public var deferred: [String] = []

    public init() {}

    /// True when the pass decided nothing (deferred changes aside).
    public var isEmpty: Bool { submitted.isEmpty && unchanged.isEmpty && failed.isEmpty }
}
