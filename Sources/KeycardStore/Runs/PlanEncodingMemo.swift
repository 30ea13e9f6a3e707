import KeycardCore
import Synchronization

/// The encoded plan shared by runs made from one plan: their steps differ only in ids derived from the run id, which
/// the stored plan leaves out (`StepColumns.plan`), so the bytes written for the first run serve every later one.
/// Whoever holds a memo keeps it with that one plan; a run whose ids are not derived is encoded afresh.
public final class PlanEncodingMemo: Sendable {
    private let bytes = Mutex<[UInt8]?>(nil)

    public init() {}

    /// The plan's bytes for `steps`: kept ones if the steps' ids are derived, else encoded (and kept if they are).
    func plan(_ steps: [Step]) throws -> [UInt8] {
        let derived = StepColumns.idsAreDerived(steps)
        if derived, let kept = bytes.withLock({ $0 }) { return kept }
        let encoded = try StepColumns.plan(steps)
        if derived { bytes.withLock { $0 = encoded } }
        return encoded
    }
}
