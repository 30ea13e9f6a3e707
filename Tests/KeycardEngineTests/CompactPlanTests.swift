import Foundation
import GRDB
import KeycardCore
@testable import KeycardEngine
@testable import KeycardStore
import KeycardTestSupport
import Testing

/// A run's plan is stored without what the `steps` view derives, and reads back as the steps that were planned.
@Suite("Compact run plans")
struct CompactPlanTests {
    @Test("the plan row leaves out derivable ids, keys and nulls, names dependencies by index, and reads back unchanged")
    func planRoundTrips() throws {
        let harness = try EngineHarness()
        var grants = Fixtures.sarahGrants + Fixtures.baseEmployeeGrants
        grants[4] = Grant(
            system: "salesforce", action: "create_user", parameters: ["profile": "sales-engineer"],
            approval: ApprovalRequirement(approvers: .manager, reason: "customer data"),
            justifications: [Justification(policyID: "sales", policyVersion: "3", condition: "department == \"Sales\"")])
        let plan = try harness.engine.preview(.joiner(Fixtures.sarah, grants: grants))
        var stored = RunFactory.make(
            plan: plan, requestedBy: "test", eventID: nil, configuration: Fixtures.fastConfiguration, now: Date())
        stored.steps[1].idempotencyKey = "carried-over-key"
        let database = harness.database.database
        let inserted = try database.applyEngineBatchSync([[.insertRun(
            stored.run, steps: stored.steps, approvals: stored.approvals,
            encoded: EncodedRun(run: stored.run, steps: stored.steps))]])
        #expect(inserted.map(\.isApplied) == [true])

        let json = try #require(try database.pool.read { db in
            try String.fetchOne(db, sql: """
                SELECT coalesce(p.steps, b.steps) FROM run_plans p LEFT JOIN plan_bodies b ON b.key = p.plan_key
                WHERE p.run_id = ?
                """, arguments: [stored.run.id.rawValue])
        })
        #expect(!json.contains("\"id\"") && !json.contains("null") && !json.contains("/s"), "\(json)")
        #expect(json.components(separatedBy: "\"idempotency_key\":\"carried-over-key\"").count == 2)
        #expect(json.contains("\"dependencies\":[0]"))
        #expect(stored.steps.contains { $0.approval != nil } && stored.steps.contains { $0.compensation == nil })

        let detail = try #require(try database.runDetail(id: stored.run.id))
        #expect(detail.steps == stored.steps)
        let withDependency = try #require(stored.steps.first { !$0.dependencies.isEmpty })
        #expect(try database.step(id: withDependency.id) == withDependency)
    }

    @Test("runs made from one plan share its encoding; a run with ids of its own is encoded afresh")
    func encodingMemo() throws {
        let harness = try EngineHarness()
        let plan = try harness.engine.preview(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants))
        let memo = PlanEncodingMemo()
        let first = newRun(plan), second = newRun(plan)
        #expect(first.run.id != second.run.id)
        let firstBytes = try EncodedRun(run: first.run, steps: first.steps, memo: memo).plan.bytes
        #expect(firstBytes == (try StepColumns.plan(first.steps)))
        #expect(try EncodedRun(run: second.run, steps: second.steps, memo: memo).plan.bytes == StepColumns.plan(second.steps))

        var carried = newRun(plan)
        carried.steps[2].idempotencyKey = "carried-over-key"
        let carriedPlan = try EncodedRun(run: carried.run, steps: carried.steps, memo: memo).plan
        #expect(carriedPlan.bytes == (try StepColumns.plan(carried.steps)))
        #expect(carriedPlan.bytes != firstBytes && carriedPlan.sharedKey == nil)
        #expect(try EncodedRun(run: second.run, steps: second.steps, memo: memo).plan.bytes == firstBytes)
    }

    @Test("runs made from one plan store one body under its hash; a run with ids of its own keeps its plan in its row")
    func sharedBodies() throws {
        let harness = try EngineHarness()
        let plan = try harness.engine.preview(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants))
        var runs = [newRun(plan), newRun(plan), newRun(plan)]
        runs[2].steps[1].idempotencyKey = "carried-over-key"
        let memo = PlanEncodingMemo()
        let database = harness.database.database
        let groups: [[EngineChange]] = try runs.map { stored in
            [.insertRun(stored.run, steps: stored.steps, approvals: stored.approvals,
                        encoded: try EncodedRun(run: stored.run, steps: stored.steps, memo: memo))]
        }
        #expect(try database.applyEngineBatchSync(Array(groups[0...1])).allSatisfy(\.isApplied))
        #expect(try database.applyEngineBatchSync([groups[2]]).allSatisfy(\.isApplied))

        let (bodies, rows) = try database.pool.read { db in
            (try Row.fetchAll(db, sql: "SELECT key, steps FROM plan_bodies"),
             try Row.fetchAll(db, sql: "SELECT run_id, steps, plan_key FROM run_plans ORDER BY run_id"))
        }
        let body = try #require(bodies.first)
        #expect(bodies.count == 1)
        #expect((body["key"] as String) == SHA256Hex.digest(Array((body["steps"] as String).utf8)))
        let byRun = Dictionary(uniqueKeysWithValues: rows.map { ($0["run_id"] as String, $0) })
        for shared in runs[0...1] {
            let row = try #require(byRun[shared.run.id.rawValue])
            #expect((row["plan_key"] as String?) == (body["key"] as String) && (row["steps"] as String?) == nil)
        }
        let own = try #require(byRun[runs[2].run.id.rawValue])
        #expect((own["plan_key"] as String?) == nil && (own["steps"] as String?)?.contains("carried-over-key") == true)
        for stored in runs {
            #expect(try database.runDetail(id: stored.run.id)?.steps == stored.steps)
        }
    }

    /// A new run of `plan`, with its own run id.
    private func newRun(_ plan: RunPlan) -> StoredRun {
        RunFactory.make(plan: plan, requestedBy: "test", eventID: nil, configuration: Fixtures.fastConfiguration, now: Date())
    }
}
