import KeycardCore

/// A run's plan as it is stored: its JSON (`StepColumns.plan`) and, when those bytes do not depend on the run (every
/// id derived from the run id), the key of the one `plan_bodies` row that all runs of that plan share.
struct EncodedPlan: Sendable, Hashable {
    let bytes: [UInt8]
    /// SHA-256 of `bytes`; nil when the plan names ids of its own run and is stored with the run.
    let sharedKey: String?

    init(_ steps: [Step]) throws {
        try self.init(steps, shareable: StepColumns.idsAreDerived(steps))
    }

    init(_ steps: [Step], shareable: Bool) throws {
        bytes = try StepColumns.plan(steps)
        sharedKey = shareable ? SHA256Hex.digest(bytes) : nil
    }
}
