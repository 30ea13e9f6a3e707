import Foundation
import KeycardConsole
import KeycardCore
import KeycardEngine
import KeycardTestSupport
import Testing

/// Keys → reducer → engine calls on a real engine and store, and what comes back to the flash line.
@Suite("EngineDataSource")
struct EngineDataSourceTests {
    @Test func snapshotMapsRunsStepsApprovalsAndFailures() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let snapshot = try await fixture.dataSource().snapshot(focus: ConsoleFocus(runID: fixture.runID.rawValue))
        let run = try #require(snapshot.runs.first)
        #expect(snapshot.runs.count == 1)
        #expect(run.employeeName == "Sarah Chen")
        #expect(run.kind == .joiner)
        #expect(run.waitingApprovals == 1)
        #expect(run.failures == 1)
        #expect(snapshot.approvals.map(\.grant) == [EngineConsoleFixture.approvalLabel])
        #expect(snapshot.approvals.first?.employeeEmail == "sarah.chen@company.com")
        #expect(snapshot.approvals.first?.whySensitive == "administrator on production")
        #expect(snapshot.failures.map(\.system) == ["gitlab"])
        #expect(snapshot.failures.first?.error.contains("group is archived") == true)
        let detail = try #require(snapshot.runDetail)
        #expect(detail.steps.count == run.stepsTotal)
        #expect(detail.steps.contains { $0.title == "Okta add to group sales-team" && $0.state == .succeeded && $0.confirmationID != nil })
        #expect(snapshot.systems.first { $0.system == "gitlab" }?.failedSteps == 1)
        #expect(snapshot.engineState == .running)
        guard case .verified(let records, _) = snapshot.auditChain else {
            Issue.record("audit chain not verified: \(snapshot.auditChain)")
            return
        }
        #expect(records == snapshot.audit.count)
    }

    @Test func approveWithReasonReachesTheEngineAndTheStepRuns() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let console = try await EngineConsoleDriver(source: fixture.dataSource(), actor: EngineConsoleFixture.manager)
        try await console.press(":approvals<enter>aneeds prod for on-call<enter><tab><enter>")
        #expect(console.flash == Flash("approved \(EngineConsoleFixture.approvalLabel) as \(EngineConsoleFixture.manager)"))
        let approval = try #require(try fixture.engine.run(fixture.runID).approvals.first)
        #expect(approval.status == .approved)
        #expect(approval.decisions.map(\.reason) == ["needs prod for on-call"])
        try await EngineConsoleFixture.waitUntil("the approved step succeeds") {
            try fixture.step(EngineConsoleFixture.approvalLabel)?.state == .succeeded
        }
        try await console.reload()
        #expect(console.state.snapshot.approvals.isEmpty)
    }

    @Test func denySkipsTheStepWithTheReason() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let console = try await EngineConsoleDriver(source: fixture.dataSource(), actor: EngineConsoleFixture.manager)
        try await console.press(":approvals<enter>dnot on call<enter><tab><enter>")
        #expect(console.flash?.level == .info)
        let step = try #require(try fixture.step(EngineConsoleFixture.approvalLabel))
        #expect(step.state == .skipped)
        #expect(step.skipReason == "denied by \(EngineConsoleFixture.manager): not on call")
    }

    @Test func selfApprovalIsRefusedByTheConsoleAndByTheEngine() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let source = fixture.dataSource(actor: "sarah.chen@company.com")
        let console = try await EngineConsoleDriver(source: source, actor: "sarah.chen@company.com")
        try await console.press(":approvals<enter>a")
        #expect(console.commands.isEmpty)
        #expect(console.flash == .error("self-approval refused: sarah.chen@company.com cannot approve their own access (\(EngineConsoleFixture.approvalLabel))"))
        // The engine refuses it too, whoever asks it directly.
        let stepID = try #require(console.state.snapshot.approvals.first?.stepID)
        let outcome = await source.outcome(of: .approve(stepID: stepID, reason: "mine", approver: "SARAH.CHEN@company.com"))
        #expect(outcome == .commandFinished(
            message: "approve refused: not allowed: SARAH.CHEN@company.com cannot approve their own access (\(EngineConsoleFixture.approvalLabel))",
            failed: true))
        #expect(try fixture.engine.run(fixture.runID).approvals.first?.status == .pending)
    }

    @Test func anEngineRefusalReachesTheFlashLineWithItsReason() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let console = try await EngineConsoleDriver(source: fixture.dataSource(actor: "intern@company.com"), actor: "intern@company.com")
        try await console.press(":approvals<enter>alooks fine<enter><tab><enter>")
        #expect(console.commands.count == 1)
        #expect(console.flash == .error(
            "approve refused: not allowed: intern@company.com is not an approver for \(EngineConsoleFixture.approvalLabel) (needs the employee's manager)"))
        #expect(try fixture.engine.run(fixture.runID).approvals.first?.status == .pending)
    }

    @Test func retryFromFailuresRunsTheStepAgain() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let console = try await EngineConsoleDriver(source: fixture.dataSource(), actor: EngineConsoleFixture.manager)
        try await console.press(":failures<enter>r")
        #expect(console.commands == [.retry(stepID: try #require(try fixture.step(EngineConsoleFixture.failingLabel)).id.rawValue)])
        #expect(console.flash == Flash("retry of \(EngineConsoleFixture.failingLabel) started"))
        try await EngineConsoleFixture.waitUntil("the retried step succeeds") {
            try fixture.step(EngineConsoleFixture.failingLabel)?.state == .succeeded
        }
    }

    @Test func retryFromRunsRetriesTheRunsFailedSteps() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let console = try await EngineConsoleDriver(source: fixture.dataSource(), actor: EngineConsoleFixture.manager)
        try await console.press("r")
        #expect(console.commands == [.retryRun(runID: fixture.runID.rawValue)])
        #expect(console.flash == Flash("retrying the failed steps of \(fixture.runID.rawValue)"))
        try await EngineConsoleFixture.waitUntil("the retried step succeeds") {
            try fixture.step(EngineConsoleFixture.failingLabel)?.state == .succeeded
        }
    }

    @Test func skipFromFailuresResolvesTheStepWithTheReason() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let console = try await EngineConsoleDriver(source: fixture.dataSource(), actor: EngineConsoleFixture.manager)
        try await console.press(":failures<enter>sgroup moved to another team<enter><tab><enter>")
        let step = try #require(try fixture.step(EngineConsoleFixture.failingLabel))
        #expect(step.state == .skipped)
        #expect(step.skipReason == "skipped by \(EngineConsoleFixture.manager): group moved to another team")
        #expect(console.state.snapshot.failures.isEmpty)
    }

    @Test func rollbackFromRunsUndoesTheRun() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let console = try await EngineConsoleDriver(source: fixture.dataSource(), actor: EngineConsoleFixture.manager)
        try await console.press("x<tab><enter>")
        #expect(console.commands == [.rollback(runID: fixture.runID.rawValue, actor: EngineConsoleFixture.manager)])
        #expect(console.flash == Flash("rolling back \(fixture.runID.rawValue)"))
        let engine = fixture.engine
        let runID = fixture.runID
        try await EngineConsoleFixture.waitUntil("the run is rolled back") { try engine.run(runID).run.state == .rolledBack }
        #expect(try fixture.step("okta:create_user")?.state == .compensated)
    }

    @Test func pauseAndResumeFlipTheKillSwitch() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let console = try await EngineConsoleDriver(source: fixture.dataSource(), actor: EngineConsoleFixture.manager)
        try await console.press("p<tab><enter>")
        #expect(console.flash == Flash("engine paused by \(EngineConsoleFixture.manager): no new steps start"))
        #expect(try fixture.engine.isPaused())
        #expect(console.state.snapshot.engineState == .paused)
        #expect(console.state.snapshot.systems.allSatisfy { $0.health == .paused })
        try await console.press("p<tab><enter>")
        #expect(try !fixture.engine.isPaused())
        #expect(console.state.snapshot.engineState == .running)
        #expect(console.state.snapshot.audit.prefix(2).map(\.action) == ["resume", "pause"])
    }

    @Test(arguments: [":approvals<enter>a", ":approvals<enter>d", ":failures<enter>r", ":failures<enter>s", "x", "r", "p"])
    func readOnlyRefusesBeforeTheEngine(keys: String) async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let console = try await EngineConsoleDriver(source: fixture.dataSource(readOnly: true), actor: EngineConsoleFixture.manager, readOnly: true)
        try await console.press(keys)
        #expect(console.commands.isEmpty)
        #expect(console.flash?.level == .error)
        #expect(console.flash?.text.hasPrefix("read-only console (--readonly):") == true)
        #expect(try !fixture.engine.isPaused())
        #expect(try fixture.engine.run(fixture.runID).approvals.first?.status == .pending)
    }

    @Test func aReadOnlyDataSourceRefusesCommandsEvenWhenAsked() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let outcome = await fixture.dataSource(readOnly: true).outcome(of: .pause(actor: EngineConsoleFixture.manager))
        #expect(outcome == .commandFinished(message: "read-only console (--readonly): pause is turned off", failed: true))
        #expect(try !fixture.engine.isPaused())
    }

    @Test(.timeLimit(.minutes(1))) func engineEventsBecomeChangeTicks() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        let source = fixture.dataSource()
        var ticks = source.changes().makeAsyncIterator()
        _ = try await fixture.engine.pause(by: EngineConsoleFixture.manager)
        let tick: Void? = await ticks.next()
        #expect(tick != nil)
    }
}
