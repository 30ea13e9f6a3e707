import KeycardConsole
import KeycardCore
import Testing

/// Key sequences → binding table → actions → engine calls, including refusals that explain themselves.
@Suite("Input")
struct InputTests {
    @Test func approveAsksReasonThenConfirmsWithCancelFocused() throws {
        var harness = ConsoleHarness()
        harness.press(":approvals<enter>a")
        #expect(harness.state.dialog?.stage == .reason)
        harness.press("<enter>")
        #expect(harness.state.dialog?.problem == "a reason is required")
        harness.press("Starts on payments<enter>")
        let dialog = try #require(harness.state.dialog)
        #expect(dialog.stage == .confirm)
        #expect(dialog.focus == .cancel)
        #expect(harness.commands.isEmpty)
        harness.press("<tab><enter>")
        #expect(harness.commands == [.approve(stepID: "run-1042/aws-prod-readonly", reason: "Starts on payments", approver: "dana.kim@acme.example")])
        #expect(harness.state.dialog == nil)
    }

    @Test func enterOnFocusedCancelDoesNothing() {
        var harness = ConsoleHarness()
        harness.press(":approvals<enter>aok<enter><enter>")
        #expect(harness.commands.isEmpty)
        #expect(harness.flash == "cancelled")
    }

    @Test func highRiskApprovalRequiresTypingTheGrantName() {
        var harness = ConsoleHarness()
        harness.press(":approvals<enter>ja")
        harness.press("on-call rota<enter>")
        #expect(harness.state.dialog?.stage == .typeName)
        harness.press("prod-admn<enter>")
        #expect(harness.state.dialog?.problem == "type prod-admin exactly to continue")
        harness.press("<bksp><bksp>min<enter>")
        #expect(harness.state.dialog?.stage == .confirm)
        harness.press("l<enter>")
        #expect(harness.commands == [.approve(stepID: "run-1043/aws-prod-admin", reason: "on-call rota", approver: "dana.kim@acme.example")])
    }

    @Test func selfApprovalIsRefusedWithTheReason() {
        var harness = ConsoleHarness(actor: "sarah.chen@acme.example")
        harness.press(":approvals<enter>a")
        #expect(harness.state.dialog == nil)
        #expect(harness.commands.isEmpty)
        #expect(harness.flash == "self-approval refused: sarah.chen@acme.example cannot approve their own access (aws:assign_role role=prod-readonly)")
        #expect(harness.state.flash?.level == .error)
    }

    @Test(arguments: [":approvals<enter>a", ":approvals<enter>d", ":failures<enter>r", ":failures<enter>s", ":failures<enter>x", "p", "x"])
    func readOnlyRefusesEveryChange(keys: String) {
        var harness = ConsoleHarness(readOnly: true)
        harness.press(keys)
        #expect(harness.commands.isEmpty)
        #expect(harness.state.dialog == nil)
        #expect(harness.flash?.hasPrefix("read-only console (--readonly):") == true)
    }

    @Test func denyRecordsReason() {
        var harness = ConsoleHarness()
        harness.press(":approvals<enter>dnot on the payments team<enter><right><enter>")
        #expect(harness.commands == [.deny(stepID: "run-1042/aws-prod-readonly", reason: "not on the payments team", approver: "dana.kim@acme.example")])
    }

    @Test func retryAFailedStepRunsAtOnce() {
        var harness = ConsoleHarness()
        harness.press(":failures<enter>r")
        #expect(harness.commands == [.retry(stepID: "run-1044/gitlab-block")])
        #expect(harness.flash == "retrying Block GitLab user for Tom Becker…")
    }

    @Test func retryOfASucceededStepIsRefused() {
        var harness = ConsoleHarness()
        harness.press("<enter>r")
        #expect(harness.commands.isEmpty)
        #expect(harness.flash == "only failed steps can be retried; Create Okta account is succeeded")
    }

    @Test func skipAsksForAReason() {
        var harness = ConsoleHarness()
        harness.press(":failures<enter>jslicense on order<enter><tab><enter>")
        #expect(harness.commands == [.skip(stepID: "run-1041/salesforce-license", reason: "license on order", actor: "dana.kim@acme.example")])
    }

    @Test func rollbackConfirmsThenCallsTheEngine() {
        var harness = ConsoleHarness()
        harness.press("x")
        #expect(harness.state.dialog?.title == "Roll back run")
        harness.press("<tab><enter>")
        #expect(harness.commands == [.rollback(runID: "run-1042", actor: "dana.kim@acme.example")])
    }

    @Test func rollbackOfARolledBackRunIsRefused() {
        var harness = ConsoleHarness()
        harness.press("jjjjjx")
        #expect(harness.flash == "Jordan Blake's run is already rolled-back")
        #expect(harness.state.dialog == nil)
    }

    @Test func pauseConfirms() {
        var harness = ConsoleHarness()
        harness.press("p<enter>")
        #expect(harness.commands.isEmpty)
        harness.press("p<tab><enter>")
        #expect(harness.commands == [.pause(actor: "dana.kim@acme.example")])
    }

    @Test func retryAllFailedForASystem() {
        var harness = ConsoleHarness()
        harness.press(":failures<enter>R<tab><enter>")
        #expect(harness.commands == [.retryAllFailed(system: "gitlab")])
    }

    @Test func deadLettersReplayAndDiscard() {
        var harness = ConsoleHarness()
        harness.press(":events<enter>r")
        #expect(harness.flash == "only dead letters can be replayed; evt-7f3a is accepted")
        harness.press("jr")
        harness.press("x<tab><enter>")
        #expect(harness.commands == [.replayDeadLetter(eventID: "evt-7f31"), .discardDeadLetter(eventID: "evt-7f31")])
    }

    @Test func approveFromTheRunGraphOnAWaitingStep() {
        var harness = ConsoleHarness()
        harness.press("<enter>")
        harness.press("jjjjjjjjjjjj")
        #expect(harness.state.selectedStep?.title == "AWS role prod-readonly")
        harness.press("aok<enter><tab><enter>")
        #expect(harness.commands == [.approve(stepID: "run-1042/aws-prod-readonly", reason: "ok", approver: "dana.kim@acme.example")])
    }

    @Test func commandModeSwitchesViewsAndRejectsUnknownOnes() {
        var harness = ConsoleHarness()
        harness.press(":sys<enter>")
        #expect(harness.state.kind == .systems)
        harness.press(":nope<enter>")
        #expect(harness.flash?.hasPrefix("unknown command :nope") == true)
        #expect(harness.state.kind == .systems)
    }

    @Test func escGoesBackOneCrumbAndQQuits() {
        var harness = ConsoleHarness()
        harness.press("<enter><enter>")
        #expect(harness.state.stack == [.list(.runs), .run(id: "run-1042"), .step(runID: "run-1042", stepID: "run-1042/okta-create")])
        harness.press("<esc><esc>")
        #expect(harness.state.stack == [.list(.runs)])
        harness.press("q")
        #expect(harness.quit)
    }

    @Test func mouseSelectsRowsAndTabs() {
        var harness = ConsoleHarness()
        harness.send(.mouseClick(x: 5, y: 6))
        #expect(harness.state.position.cursor == 2)
        harness.send(.mouseClick(x: 5, y: 6))
        #expect(harness.state.route == .run(id: "run-1044"))
        let approvalsTab = ConsoleLayout.tabs(harness.state).first { $0.kind == .approvals }!
        harness.send(.mouseClick(x: approvalsTab.columns.lowerBound + 1, y: 1))
        #expect(harness.state.kind == .approvals)
    }

    @Test func rowUnderADialogNeverChanges() {
        var harness = ConsoleHarness()
        harness.press(":approvals<enter>j")
        harness.press("a")
        var changed = PreviewSample.snapshot()
        changed.approvals.removeAll { $0.employeeName == "Sarah Chen" }
        harness.send(.snapshotLoaded(changed))
        #expect(harness.state.snapshot.approvals.count == 2)
        #expect(harness.state.selectedApproval?.employeeName == "Noah Williams")
        harness.press("<esc>")
        #expect(harness.state.snapshot.approvals.count == 1)
        #expect(harness.state.selectedApproval?.employeeName == "Noah Williams")
    }
}
