import KeycardCore
import Synchronization

/// The encoded plan shared by runs made from one plan: their steps differ only in ids derived from the run id, which
/// the stored plan leaves out (`StepColumns.plan`), so the bytes (and the key of their shared row) made for the first
/// run serve every later one. Whoever holds a memo keeps it with that one plan; a run whose ids are not derived is
/// encoded afresh.
public final class PlanEncodingMemo: Sendable {
    private let kept = Mutex<EncodedPlan?>(nil)

    public init() {}

    /// The plan for `steps`: the kept one if the steps' ids are derived, else encoded (and kept if they are).
    func plan(_ steps: [Step]) throws -> EncodedPlan {
        let derived = StepColumns.idsAreDerived(steps)
        if derived, let kept = kept.withLock({ $0 }) { return kept }
        let encoded = try EncodedPlan(steps, shareable: derived)
        if derived { kept.withLock { $0 = encoded } }
        return encoded
    }
}
