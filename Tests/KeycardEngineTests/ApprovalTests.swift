import Foundation
import KeycardCore
import KeycardEngine
import KeycardStore
import Testing

@Suite("Approvals")
struct ApprovalTests {
    static let admin = Grant(
        system: "aws", action: "assign_permission_set", parameters: ["permission_set": "Admin"],
        approval: ApprovalRequirement(approvers: .managerAndGroup("security"), reason: "production access"))

    static var configuration: EngineConfiguration {
        var configuration = Fixtures.fastConfiguration
        configuration.approvals = ApprovalSettings(
            expiresAfter: 3600, onExpiry: .deny,
            groups: ["security": ["sam.lee@company.com", "mike.johnson@company.com"], "it": ["ann@company.com"]])
        return configuration
    }

    private func submit(_ harness: EngineHarness, grants: [Grant]) async throws -> (RunID, StepID) {
        let id = try await harness.engine.submit(.joiner(Fixtures.sarah, grants: grants), requestedBy: "hr@company.com")
        let approval = try #require(try harness.engine.approvalQueue().first { $0.runID == id })
        return (id, approval.stepID)
    }

    @Test("the employee, the requester and non-approvers are refused; manager plus a different security member approve")
    func approverRules() async throws {
        let harness = try EngineHarness(configuration: Self.configuration)
        await harness.engine.start()
        let (id, step) = try await submit(harness, grants: [Fixtures.sarahGrants[0], Self.admin])
        for (person, message) in [
            ("sarah.chen@company.com", "cannot approve their own access"),
            ("hr@company.com", "requested this run"),
            ("ann@company.com", "is not an approver"),
        ] {
            await #expect {
                try await harness.engine.approve(step: step, by: person, reason: "ok")
            } throws: { error in
                (error as? EngineError)?.description.contains(message) == true
            }
        }
        #expect(try await harness.engine.approve(step: step, by: "mike.johnson@company.com", reason: "needed for demos") == .applied)
        #expect(try harness.engine.step(step).state == .awaitingApproval)
        await #expect(throws: EngineError.self) {
            try await harness.engine.approve(step: step, by: "mike.johnson@company.com", reason: "again")
        }
        _ = try await harness.engine.approve(step: step, by: "sam.lee@company.com", reason: "security ok")
        #expect(try await harness.engine.wait(for: id) == .succeeded)
        await harness.engine.stop()
        let detail = try harness.engine.run(id)
        #expect(detail.approvals.first?.status == .approved)
        #expect(detail.approvals.first?.decisions.map(\.role) == ["manager", "group:security"])
        #expect(harness.adapter("aws").calls.count == 1)
    }

    @Test("a denial skips the step and every step that needs it, with the reason")
    func denyCascade() async throws {
        let harness = try EngineHarness(configuration: Self.configuration)
        await harness.engine.start()
        var okta = Fixtures.sarahGrants[0]
        okta.approval = ApprovalRequirement(approvers: .manager)
        let (id, step) = try await submit(harness, grants: [okta, Fixtures.sarahGrants[1], Fixtures.sarahGrants[4]])
        _ = try await harness.engine.deny(step: step, by: "mike.johnson@company.com", reason: "start date moved")
        #expect(try await harness.engine.wait(for: id) == .succeeded)
        await harness.engine.stop()
        let detail = try harness.engine.run(id)
        #expect(detail.steps.allSatisfy { $0.state == .skipped })
        #expect(detail.steps[0].skipReason == "denied by mike.johnson@company.com: start date moved")
        #expect(detail.steps[1].skipReason?.contains("needs okta:create_user, which was skipped: denied by") == true)
        #expect(harness.log.all.isEmpty)
    }

    @Test("an unanswered request expires and is denied; with escalation it goes to the escalation group first")
    func expiry() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        var configuration = Self.configuration
        configuration.approvals.onExpiry = .escalate
        configuration.approvals.escalationGroup = "it"
        let harness = try EngineHarness(configuration: configuration, clock: clock)
        await harness.engine.start()
        let (id, step) = try await submit(harness, grants: [Fixtures.sarahGrants[0], Self.admin])
        _ = try await harness.engine.wait(for: id) { $0 == .awaitingApproval }
        let events = harness.engine.events
        clock.advance(by: 3601)
        for await event in events where event == .approvalDecided(step, .escalated) { break }
        #expect(try harness.engine.approvalQueue().first?.escalatedTo == "it")
        clock.advance(by: 3601)
        #expect(try await harness.engine.wait(for: id) == .succeeded)
        await harness.engine.stop()
        let detail = try harness.engine.run(id)
        #expect(detail.approvals.first?.status == .expired)
        #expect(try harness.engine.step(step).skipReason?.hasPrefix("approval expired at") == true)
    }
}
