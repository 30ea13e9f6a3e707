import KeycardCore

/// The JSON columns of a new run (its employee, tier names and plan), encoded where the run is planned, in parallel
/// with other submissions, rather than on the store's single writing thread.
public struct EncodedRun: Sendable {
    let employee: String
    let tierNames: String
    let plan: EncodedPlan

    /// Encodes what never changes once planned: the state columns are written from the steps as they are committed.
    /// With `memo`, the plan is encoded once for every run made from the same plan.
    public init(run: Run, steps: [Step], memo: PlanEncodingMemo? = nil) throws {
        employee = try EmployeeColumn.encode(run.employee)
        tierNames = String(decoding: CanonicalJSONWriter.bytes(capacity: 64) { writer in
            writer.list(run.tierNames) { writer, name in writer.string(name) }
        }, as: UTF8.self)
        plan = try memo?.plan(steps) ?? EncodedPlan(steps)
    }
}
