import KeycardCore

/// A run as loaded for execution: the run, all its steps, and its approvals.
public struct StoredRun: Sendable, Hashable {
    public var run: Run
    public var steps: [Step]
    public var approvals: [Approval]

    public init(run: Run, steps: [Step], approvals: [Approval]) {
        self.run = run
        self.steps = steps
        self.approvals = approvals
    }
}
