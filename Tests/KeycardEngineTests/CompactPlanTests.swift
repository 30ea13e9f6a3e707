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
            try String.fetchOne(db, sql: "SELECT steps FROM run_plans WHERE run_id = ?", arguments: [stored.run.id.rawValue])
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
        func make() -> StoredRun {
            RunFactory.make(plan: plan, requestedBy: "test", eventID: nil, configuration: Fixtures.fastConfiguration, now: Date())
        }
        let memo = PlanEncodingMemo()
        let first = make(), second = make()
        #expect(first.run.id != second.run.id)
        let firstBytes = try EncodedRun(run: first.run, steps: first.steps, memo: memo).plan
        #expect(firstBytes == (try StepColumns.plan(first.steps)))
        #expect(try EncodedRun(run: second.run, steps: second.steps, memo: memo).plan == StepColumns.plan(second.steps))

        var carried = make()
        carried.steps[2].idempotencyKey = "carried-over-key"
        let carriedBytes = try EncodedRun(run: carried.run, steps: carried.steps, memo: memo).plan
        #expect(carriedBytes == (try StepColumns.plan(carried.steps)))
        #expect(carriedBytes != firstBytes)
        #expect(try EncodedRun(run: second.run, steps: second.steps, memo: memo).plan == firstBytes)
    }
}
