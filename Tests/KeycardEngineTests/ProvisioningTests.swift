import Foundation
import KeycardCore
import KeycardEngine
import KeycardPolicy
import KeycardStore
import KeycardTestSupport
import Testing

/// Stored HR changes become runs: one per event, joiner/mover/leaver as the change says, one employee at a time.
@Suite("Lifecycle provisioning")
struct ProvisioningTests {
    static let policies = try! PolicySet(files: [(path: "test.yaml", text: """
        - id: base
          description: everyone
          owner: it@company.com
          when: has(employee.email)
          grants:
            - { system: okta, action: create_user, critical: true }
            - { system: slack, action: add_to_channel, channel: "#general" }
        - id: sales
          description: sales
          owner: it@company.com
          when: employee.department == "Sales"
          grants:
            - { system: slack, action: add_to_channel, channel: "#sales" }
        - id: engineering
          description: engineering
          owner: it@company.com
          when: employee.department == "Engineering"
          grants:
            - { system: gitlab, action: add_to_group, group: engineering, role: developer }
        """)])

    private func ingest(_ events: [LifecycleEvent], into database: KeycardDatabase) throws {
        let delivery = RawDelivery(source: "canonical", body: Data("{}".utf8), receivedAt: EventFactory.epoch)
        _ = try database.ingest(delivery, items: events.map(DeliveryItem.event), now: EventFactory.epoch)
    }

    private func grantKeys(_ steps: [Step], purpose: StepPurpose) -> Set<String> {
        Set(steps.filter { $0.purpose == purpose }.map { "\($0.system):\($0.action):\($0.parameters.values.sorted().joined(separator: ","))" })
    }

    @Test("a hire, a move and a termination become a joiner, a mover and a leaver run, in order")
    func joinerMoverLeaver() async throws {
        let harness = try EngineHarness()
        let database = harness.database.database
        let later = EventFactory.epoch.addingTimeInterval(3600)
        try ingest([
            EventFactory.hire("E1"),
            EventFactory.update("E1", eventID: "move-E1", at: later, attributes: ["department": .string("Engineering")]),
            EventFactory.termination("E1", eventID: "leave-E1", at: later.addingTimeInterval(3600), terminationDate: "2024-06-28T17:00:00Z"),
        ], into: database)
        let provisioner = LifecycleProvisioner(engine: harness.engine, policies: Self.policies)
        await harness.engine.start()
        var kinds: [RunKind] = []
        for _ in 0..<3 {
            let report = try await provisioner.provisionPending()
            #expect(report.submitted.count == 1, "one run at a time for one employee")
            for submitted in report.submitted {
                kinds.append(submitted.kind)
                #expect(try await harness.engine.wait(for: submitted.runID) == .succeeded)
            }
        }
        await harness.engine.stop()
        #expect(kinds == [.joiner, .mover, .leaver])
        let runs = try harness.engine.runs(employeeID: "E1")
        let mover = try harness.engine.run(try #require(runs.first { $0.run.kind == .mover }).run.id)
        #expect(mover.steps.contains { $0.system == "gitlab" && $0.action == "add_to_group" })
        #expect(mover.steps.contains { $0.system == "slack" && $0.parameters["channel"] == "#sales" })
        #expect(!mover.steps.contains { $0.parameters["channel"] == "#general" }, "shared access is kept, not touched")
        let leaver = try harness.engine.run(try #require(runs.first { $0.run.kind == .leaver }).run.id)
        #expect(leaver.steps.contains { $0.system == "gitlab" }, "the leaver revokes what the last role gave")
        #expect(try await provisioner.provisionPending().isEmpty, "every change has its run")
    }

    @Test("a pass repeated, or run by two provisioners at once, makes one run per event")
    func oneRunPerEvent() async throws {
        let harness = try EngineHarness()
        try ingest((1...20).map { EventFactory.hire("E\($0)") }, into: harness.database.database)
        let first = LifecycleProvisioner(engine: harness.engine, policies: Self.policies)
        let second = LifecycleProvisioner(engine: harness.engine, policies: Self.policies)
        async let a = first.provisionPending()
        async let b = second.provisionPending()
        let (reportA, reportB) = try await (a, b)
        let submitted = reportA.submitted.map(\.eventID) + reportB.submitted.map(\.eventID)
        #expect(Set(submitted).count == submitted.count, "no event submitted twice")
        #expect(try harness.engine.runs().count == 20)
        #expect(try await first.provisionPending().submitted.isEmpty)
    }

    @Test("a change that grants and revokes nothing is recorded as such, with no run")
    func noAccessChange() async throws {
        let harness = try EngineHarness()
        try ingest([
            EventFactory.hire("E1"),
            EventFactory.update("E1", eventID: "phone-E1", at: EventFactory.epoch.addingTimeInterval(60), attributes: ["phone": .string("+1 555 0100")]),
        ], into: harness.database.database)
        let provisioner = LifecycleProvisioner(engine: harness.engine, policies: Self.policies)
        await harness.engine.start()
        let first = try await provisioner.provisionPending()
        let run = try #require(first.submitted.first?.runID)
        _ = try await harness.engine.wait(for: run)
        let second = try await provisioner.provisionPending()
        await harness.engine.stop()
        #expect(second.unchanged == ["phone-E1"])
        let decision = try #require(try harness.database.database.provisioningDecisions().first)
        #expect(decision.outcome == .noAccessChange && decision.eventID == "phone-E1")
        #expect(try harness.engine.runs().count == 1)
    }

    @Test("a grant the catalog does not know is a recorded planning failure, cleared for a retry after the fix")
    func planningFailure() async throws {
        let harness = try EngineHarness()
        let broken = try PolicySet(files: [(path: "broken.yaml", text: """
            - id: typo
              description: a misspelt action
              owner: it@company.com
              when: has(employee.email)
              grants:
                - { system: okta, action: create_usr }
            """)])
        try ingest([EventFactory.hire("E1")], into: harness.database.database)
        let report = try await LifecycleProvisioner(engine: harness.engine, policies: broken).provisionPending()
        #expect(report.failed.map(\.eventID) == ["hire-E1"])
        #expect(report.failed.first?.reason.contains("create_usr") == true)
        #expect(try await LifecycleProvisioner(engine: harness.engine, policies: Self.policies).provisionPending().isEmpty,
                "a recorded failure is not retried on its own")
        #expect(try harness.database.database.clearProvisioningDecision(eventID: "hire-E1"))
        let fixed = try await LifecycleProvisioner(engine: harness.engine, policies: Self.policies).provisionPending()
        #expect(fixed.submitted.map(\.eventID) == ["hire-E1"])
    }
}
