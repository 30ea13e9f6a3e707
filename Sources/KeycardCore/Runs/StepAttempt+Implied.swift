import Foundation

extension StepAttempt {
    /// A first attempt that succeeded is recorded by its step's row alone (`startedAt`, `finishedAt` and
    /// `confirmationID` are the attempt's), not by an attempt row of its own: most steps make one attempt, and each
    /// row was a random page of its own in every transaction. A rollback writes the attempt out before it undoes the
    /// step (the step's row then changes).
    public var isImpliedByItsStep: Bool {
        number == 1 && !compensation && outcome == .succeeded
    }

    /// The first attempt of a step that made exactly one, as its row records it (the step succeeded, or is leaving
    /// `succeeded` for a rollback that is about to change its row).
    public static func implied(by step: Step) -> StepAttempt? {
        guard step.attempts == 1, let startedAt = step.startedAt else { return nil }
        return StepAttempt(
            stepID: step.id, number: 1, startedAt: startedAt, finishedAt: step.finishedAt, outcome: .succeeded,
            confirmationID: step.confirmationID)
    }

    /// The attempts recorded plus the ones only a succeeded step's row records, in time order (then step,
    /// compensation, number).
    public static func timeline(recorded: [StepAttempt], steps: [Step]) -> [StepAttempt] {
        let firsts = Set(recorded.filter { $0.number == 1 && !$0.compensation }.map(\.stepID))
        let unrecorded = steps.compactMap { step -> StepAttempt? in
            guard step.state == .succeeded, !firsts.contains(step.id) else { return nil }
            return implied(by: step)
        }
        guard !unrecorded.isEmpty else { return recorded }
        return (recorded + unrecorded).sorted { left, right in
            if left.startedAt != right.startedAt { return left.startedAt < right.startedAt }
            if left.stepID != right.stepID { return left.stepID < right.stepID }
            if left.compensation != right.compensation { return !left.compensation }
            return left.number < right.number
        }
    }
}
