import KeycardCore
import KeycardStore
import Synchronization

/// Plans already made, by everything a plan depends on but the employee: a cohort of hires with the same birthright
/// grants is planned once (a plan is ~25 µs, a lookup ~2). A leaver's plan also depends on the manager (ownership is
/// transferred to them), so that is part of the key. Each plan keeps the memo of its encoding: the runs made from it
/// store the same plan bytes (`PlanEncodingMemo`). Bounded: a full cache starts afresh.
final class PlanCache: Sendable {
    private struct Key: Hashable, Sendable {
        var kind: RunKind
        var add: [Grant]
        var revoke: [Grant]
        var keep: [Grant]
        var manager: String?

        init(_ request: PlanRequest) {
            kind = request.kind
            add = request.add
            revoke = request.revoke
            keep = request.keep
            manager = request.kind == .leaver ? request.employee.managerEmail : nil
        }
    }

    private struct Entry: Sendable {
        var plan: RunPlan
        var memo: PlanEncodingMemo
    }

    private let plans = Mutex<[Key: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// How many plans are kept.
    var count: Int {
        plans.withLock { $0.count }
    }

    /// The planner's plan for the request: made once per key, then copied with the request's employee.
    func plan(_ request: PlanRequest, with planner: Planner) throws(PlanningError) -> RunPlan {
        try planWithMemo(request, with: planner).plan
    }

    /// The plan, and the memo of the encoding every run made from it shares.
    func planWithMemo(
        _ request: PlanRequest, with planner: Planner
    ) throws(PlanningError) -> (plan: RunPlan, memo: PlanEncodingMemo) {
        let key = Key(request)
        if let entry = plans.withLock({ $0[key] }) {
            var plan = entry.plan
            plan.employee = request.employee
            return (plan, entry.memo)
        }
        let entry = Entry(plan: try planner.plan(request), memo: PlanEncodingMemo())
        plans.withLock { plans in
            if plans.count >= capacity { plans.removeAll(keepingCapacity: true) }
            plans[key] = entry
        }
        return (entry.plan, entry.memo)
    }
}
