import GRDB
import KeycardCore
import KeycardEngine
import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Retries and failures")
struct FailureTests {
    @Test("retryable errors are retried up to the action's max attempts, then the step fails and its dependants are skipped")
    func retriesThenGivesUp() async throws {
        var configuration = Fixtures.fastConfiguration
        configuration.maxAttempts = ["slack:invite_user": 4]
        let harness = try EngineHarness(configuration: configuration)
        harness.adapter("slack").script("invite_user", Array(repeating: AdapterError(.retryable, "502 from Slack"), count: 4))
        await harness.engine.start()
        let (id, state) = try await harness.run(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants))
        await harness.engine.stop()
        #expect(state == .completedWithFailures)
        let detail = try harness.engine.run(id)
        let invite = try #require(harness.step(detail, "slack:invite_user"))
        #expect(invite.state == .failed && invite.attempts == 4)
        #expect(invite.error?.contains("gave up after 4 attempts") == true)
        let channel = try #require(harness.step(detail, "slack:add_to_channel channel=#sales-team"))
        #expect(channel.state == .skipped && channel.skipCause == .dependency)
        #expect(channel.skipReason?.contains("needs slack:invite_user, which failed") == true)
        #expect(detail.steps.filter { $0.state == .succeeded }.count == 6)
    }

    @Test("a permanent error stops at once without retrying")
    func permanentStops() async throws {
        let harness = try EngineHarness()
        harness.adapter("gitlab").script("add_to_group", [AdapterError(.permanent, "group customer-solutions not found")])
        await harness.engine.start()
        let (id, state) = try await harness.run(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants))
        await harness.engine.stop()
        #expect(state == .completedWithFailures)
        let gitlab = try #require(harness.step(try harness.engine.run(id), "gitlab:add_to_group group=customer-solutions role=reporter"))
        #expect(gitlab.attempts == 1 && gitlab.state == .failed)
    }

    @Test("a needs-human error waits for an operator; retry then finishes the run")
    func needsHuman() async throws {
        let harness = try EngineHarness()
        harness.adapter("salesforce").script("create_user", [AdapterError(.needsHuman, "no Salesforce licence left")])
        // Subscribed before submitting: the failure can be published before `submit` returns.
        let events = harness.engine.events
        await harness.engine.start()
        let id = try await harness.engine.submit(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants), requestedBy: "hris")
        let stepID = StepID(run: id, index: 4)
        for await event in events {
            if case .stepChanged(stepID, .failed) = event { break }
            if try harness.engine.step(stepID).state == .failed { break }
        }
        #expect(try harness.engine.step(stepID).needsHuman)
        #expect(try harness.engine.run(id).run.state.isTerminal == false)
        #expect(try await harness.engine.retry(step: stepID, by: "oncall@company.com") == .applied)
        #expect(try await harness.engine.wait(for: id) == .succeeded)
        await harness.engine.stop()
    }

    @Test("a failed critical step compensates succeeded steps in reverse dependency order and the run is rolled back")
    func criticalRollback() async throws {
        let harness = try EngineHarness()
        var grants = Fixtures.sarahGrants
        grants[7].critical = true
        harness.adapter("gitlab").script("add_to_group", [AdapterError(.permanent, "GitLab refused the group")])
        await harness.engine.start()
        let (id, state) = try await harness.run(.joiner(Fixtures.sarah, grants: grants))
        await harness.engine.stop()
        #expect(state == .rolledBack)
        let detail = try harness.engine.run(id)
        #expect(detail.run.reason?.contains("critical step gitlab:add_to_group") == true)
        #expect(detail.steps.filter { $0.state == .succeeded }.isEmpty)
        let compensated = detail.steps.filter { $0.state == .compensated }
        #expect(!compensated.isEmpty && compensated.allSatisfy { $0.confirmationID != nil && $0.compensationConfirmationID != nil })
        #expect(detail.steps.allSatisfy { [.compensated, .failed, .skipped].contains($0.state) })
        #expect(harness.adapters.values.allSatisfy { $0.effects.values.allSatisfy { $0 == 1 } })
        #expect(harness.log.all.count == Set(harness.log.all).count)
        let log = harness.log.all
        let position = { (label: String) in log.lastIndex(of: label) ?? -1 }
        #expect(position("okta:deactivate_user") > position("okta:remove_from_group group=sales-team"))
        #expect(position("okta:deactivate_user") > position("slack:deactivate_user"))
        #expect(position("slack:deactivate_user") > position("slack:remove_from_channel channel=#sales-team"))
        #expect(position("google:suspend_account") > position("google:remove_from_group group=sales@company.com"))
        // Each undone step's first attempt (recorded by its row alone while it had succeeded) is written out before
        // the rollback changes the row: the timeline still shows it, ending when the step first finished.
        for step in compensated {
            let attempts = detail.attempts.filter { $0.stepID == step.id }
            let first = try #require(attempts.first { !$0.compensation && $0.number == 1 }, "\(step.label) lost its attempt")
            #expect(first.outcome == .succeeded && first.confirmationID == step.confirmationID)
            let undo = try #require(attempts.first { $0.compensation })
            #expect(try #require(first.finishedAt) <= undo.startedAt)
        }
        let rows = try await harness.database.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM step_attempts WHERE run_id = ? AND compensation = 0 AND number = 1",
                             arguments: [id.rawValue])
        }
        #expect(rows == compensated.count + 1, "every undone step's first attempt and the failed one are rows")
    }

    @Test("operator skip resolves a failed step and its dependants run")
    func skipFailed() async throws {
        let harness = try EngineHarness()
        harness.adapter("slack").script("invite_user", [AdapterError(.permanent, "workspace full")])
        await harness.engine.start()
        let (id, state) = try await harness.run(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants))
        #expect(state == .completedWithFailures)
        let invite = try #require(harness.step(try harness.engine.run(id), "slack:invite_user"))
        _ = try await harness.engine.skip(step: invite.id, by: "oncall@company.com", reason: "invited by hand")
        #expect(try await harness.engine.wait(for: id) == .succeeded)
        await harness.engine.stop()
        let detail = try harness.engine.run(id)
        #expect(harness.step(detail, "slack:add_to_channel channel=#sales-team")?.state == .succeeded)
        #expect(harness.step(detail, "slack:invite_user")?.skipReason == "skipped by oncall@company.com: invited by hand")
    }

    @Test("operator rollback of a finished run undoes it")
    func operatorRollback() async throws {
        let harness = try EngineHarness()
        await harness.engine.start()
        let (id, _) = try await harness.run(.joiner(Fixtures.sarah, grants: Array(Fixtures.sarahGrants.prefix(2))))
        _ = try await harness.engine.rollback(run: id, by: "oncall@company.com", reason: "hire withdrawn")
        #expect(try await harness.engine.wait(for: id) == .rolledBack)
        await harness.engine.stop()
        #expect(harness.log.all.suffix(2) == ["okta:remove_from_group group=sales-team", "okta:deactivate_user"])
    }
}
