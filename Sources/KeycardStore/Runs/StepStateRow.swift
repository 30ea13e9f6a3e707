import Foundation
import KeycardCore

/// What a step's `step_states` row holds: the columns execution changes, and the run and index that find the row.
/// A change carries this rather than the whole `Step`: its plan's fields (parameters, justifications, ids) are never
/// written again, and each copy of them was a reference count taken on the loop's thread and dropped on the writer's.
public struct StepStateRow: Sendable, Hashable {
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

    /// Inlinable: the engine builds one for every step it changes, and a call across the module boundary first copied
    /// the whole `Step` (every field of its plan retained and released).
    @inlinable
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
