import Foundation
import KeycardCore

extension Engine {
    /// True when no run can move without a person (an approval, a needs-human failure) or without time passing
    /// beyond `horizon` seconds: what `keycard work --until-idle` waits for.
    public func isIdle(horizon: TimeInterval = 0) throws(EngineError) -> Bool {
        let limit = clock.now.addingTimeInterval(horizon)
        for summary in try runs(states: RunState.active, limit: Int.max) {
            switch summary.run.state {
            case .awaitingApproval:
                continue
            case .planned, .scheduled:
                if summary.run.dueAt > limit { continue }
                return false
            default:
                if Self.canMove(try run(summary.run.id).steps, before: limit) { return false }
            }
        }
        return true
    }

    private static func canMove(_ steps: [Step], before limit: Date) -> Bool {
        let states = Dictionary(uniqueKeysWithValues: steps.map { ($0.id, $0.state) })
        return steps.contains { step in
            switch step.state {
            case .ready, .running, .compensating:
                return true
            case .pending:
                let unblocked = step.dependencies.allSatisfy { states[$0] == .succeeded || states[$0] == .skipped }
                return unblocked && (step.dueAt ?? .distantPast) <= limit
            case .failed:
                guard !step.needsHuman, let next = step.nextAttemptAt else { return false }
                return next <= limit
            case .succeeded, .awaitingApproval, .skipped, .compensated:
                return false
            }
        }
    }
}
