import KeycardCore
import KeycardEngine
import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Execution")
struct ExecutionTests {
    @Test("Sarah Chen's joiner run succeeds: every step once, tiers in order, durable states and attempts")
    func joinerSucceeds() async throws {
        let harness = try EngineHarness()
        await harness.engine.start()
        let (id, state) = try await harness.run(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants + Fixtures.baseEmployeeGrants))
        await harness.engine.stop()
        #expect(state == .succeeded)
        let detail = try harness.engine.run(id)
        #expect(detail.steps.count == 10)
        #expect(detail.steps.allSatisfy { $0.state == .succeeded && $0.attempts == 1 && $0.confirmationID != nil })
        #expect(detail.attempts.count == 10)
        let log = harness.log.all
        #expect(log.count == 10)
        let position = { (label: String) in log.firstIndex(of: label) ?? -1 }
        #expect(position("okta:create_user") < position("slack:invite_user"))
        #expect(position("slack:invite_user") < position("slack:add_to_channel channel=#sales-team"))
        #expect(position("email:send template=welcome") > position("salesforce:create_user profile=sales-engineer"))
        #expect(detail.run.leaseOwner == nil)
        let audit = try harness.database.database.auditTail(limit: 100)
        #expect(audit.filter { $0.runID == id.rawValue && $0.result == "succeeded" }.count == 10)
        #expect(try harness.database.database.verifyAudit().isOK)
    }

    @Test("each step carries one idempotency key, the same on every attempt")
    func idempotencyKeys() async throws {
        let harness = try EngineHarness()
        harness.adapter("okta").script("add_to_group", [AdapterError(.retryable, "timeout"), nil])
        await harness.engine.start()
        let (id, state) = try await harness.run(.joiner(Fixtures.sarah, grants: Array(Fixtures.sarahGrants.prefix(2))))
        await harness.engine.stop()
        #expect(state == .succeeded)
        let calls = harness.adapter("okta").calls.filter { $0.action == "add_to_group" }
        let attempts = try harness.engine.run(id).attempts
        #expect(calls.count == 2, "\(attempts)")
        #expect(Set(calls.map(\.idempotencyKey)) == ["\(id.rawValue)/s1"])
    }

    @Test("the events stream reports run creation, step changes and the final state")
    func events() async throws {
        let harness = try EngineHarness()
        let stream = harness.engine.events
        await harness.engine.start()
        let (id, _) = try await harness.run(.joiner(Fixtures.sarah, grants: [Fixtures.sarahGrants[0]]))
        await harness.engine.stop()
        var seen: [RunEvent] = []
        for await event in stream {
            seen.append(event)
            if event == .runChanged(id, .succeeded) { break }
        }
        #expect(seen.contains { if case .runCreated(id, _) = $0 { true } else { false } })
        #expect(seen.contains(.stepChanged(StepID(run: id, index: 0), .running)))
        #expect(seen.contains(.stepChanged(StepID(run: id, index: 0), .succeeded)))
    }

    @Test("waitForAll returns each run's end state in order, once every run has ended; an unknown run is an error")
    func waitForAll() async throws {
        let harness = try EngineHarness()
        harness.adapter("okta").script("create_user", [AdapterError(.permanent, "license pool empty")])
        await harness.engine.start()
        var ids: [RunID] = []
        for _ in 0..<12 {
            ids.append(try await harness.engine.submit(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants), requestedBy: "hris"))
        }
        let states = try await harness.engine.waitForAll(ids)
        let stored = try ids.map { id throws(EngineError) in try harness.engine.run(id).run.state }
        await harness.engine.stop()
        #expect(states == stored)
        #expect(states.allSatisfy { $0.isTerminal })
        #expect(states.filter { $0 == .succeeded }.count == 11)
        #expect(states.contains(.rolledBack) || states.contains(.failed))
        await #expect(throws: EngineError.notFound(kind: "run", id: "run-missing")) {
            try await harness.engine.waitForAll([ids[0], "run-missing"])
        }
    }

    @Test("many runs commit their transitions in far fewer transactions (group commit)")
    func groupCommit() async throws {
        let harness = try EngineHarness()
        await harness.engine.start()
        var ids: [RunID] = []
        for _ in 0..<30 {
            ids.append(try await harness.engine.submit(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants), requestedBy: "hris"))
        }
        for id in ids { #expect(try await harness.engine.wait(for: id) == .succeeded) }
        await harness.engine.stop()
        let counters = harness.engine.commitCounters
        // At least each step's outcome (the starts of calls safe to repeat are recorded with them).
        #expect(counters.groups >= 30 * 8)
        #expect(counters.transactions < counters.groups)
        #expect(counters.writingCPU > .zero)
    }
}
