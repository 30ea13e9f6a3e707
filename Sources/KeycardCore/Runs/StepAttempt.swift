import Foundation

/// One call of a step's action (or of its compensation), with its outcome.
public struct StepAttempt: Sendable, Hashable, Codable {
    /// How an attempt ended.
    public enum Outcome: String, Sendable, Hashable, Codable {
        case running, succeeded, retryable, rateLimited = "rate_limited", permanent
        case needsHuman = "needs_human"
        /// The process running it died or lost its lease; the step was given to another run of the engine.
        case interrupted
    }

    public var stepID: StepID
    public var number: Int
    /// True for a rollback's call of the compensation action.
    public var compensation: Bool
    public var startedAt: Date
    public var finishedAt: Date?
    public var outcome: Outcome
    public var error: String?
    public var confirmationID: String?

    public init(
        stepID: StepID, number: Int, compensation: Bool = false, startedAt: Date, finishedAt: Date? = nil,
        outcome: Outcome, error: String? = nil, confirmationID: String? = nil
    ) {
        self.stepID = stepID
        self.number = number
        self.compensation = compensation
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.error = error
        self.confirmationID = confirmationID
    }
}
