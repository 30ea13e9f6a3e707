import Foundation

/// A failed step in the Failures list.
public struct FailureRow: Sendable, Hashable, Identifiable {
    public var id: String { stepID }
    public var stepID: String
    public var runID: String
    public var employeeName: String
    public var stepTitle: String
    public var system: String
    public var error: String
    public var attempts: Int
    public var maxAttempts: Int
    public var failedAt: Date
    public var critical: Bool

    public init(
        stepID: String, runID: String, employeeName: String, stepTitle: String, system: String, error: String,
        attempts: Int, maxAttempts: Int, failedAt: Date, critical: Bool = false
    ) {
        self.stepID = stepID
        self.runID = runID
        self.employeeName = employeeName
        self.stepTitle = stepTitle
        self.system = system
        self.error = error
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.failedAt = failedAt
        self.critical = critical
    }
}
