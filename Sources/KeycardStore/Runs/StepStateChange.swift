import Foundation
import KeycardCore

/// A step's state row as execution changes it: its key and mutable columns, without the plan a `Step` carries (a
/// copy of this retains a few strings, mostly nil, where a copy of a `Step` retained sixteen fields).
public struct StepStateChange: Sendable, Hashable {
    public var runID: RunID
    public var index: Int
    public var state: StepState
    public var dueAt: Date?
    public var attempts: Int
    public var maxAttempts: Int
    public var nextAttemptAt: Date?
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    public var confirmationID: String?
    public var error: String?
    public var needsHuman: Bool
    public var skipCause: SkipCause?
    public var skipReason: String?
    public var startedAt: Date?
    public var finishedAt: Date?
    public var compensationConfirmationID: String?

    public init(_ step: Step) {
        runID = step.runID
        index = step.index
        state = step.state
        dueAt = step.dueAt
        attempts = step.attempts
        maxAttempts = step.maxAttempts
        nextAttemptAt = step.nextAttemptAt
        leaseOwner = step.leaseOwner
        leaseExpiresAt = step.leaseExpiresAt
        confirmationID = step.confirmationID
        error = step.error
        needsHuman = step.needsHuman
        skipCause = step.skipCause
        skipReason = step.skipReason
        startedAt = step.startedAt
        finishedAt = step.finishedAt
        compensationConfirmationID = step.compensationConfirmationID
    }
}
