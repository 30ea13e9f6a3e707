import KeycardConsole
import Testing

/// Cursor, paging, filters and sorting.
@Suite("Navigation")
struct NavigationTests {
    @Test func filterByStateAndKind() {
        var harness = ConsoleHarness()
        harness.press("/state:failed<enter>")
        #expect(harness.state.visibleRuns.isEmpty)
        harness.press("/<bksp><bksp><bksp><bksp><bksp><bksp>partial<enter>")
        #expect(harness.state.visibleRuns.map(\.employeeName) == ["Priya Natarajan"])
        harness.press("<esc>/kind:leaver<enter>")
        #expect(harness.state.visibleRuns.map(\.employeeName) == ["Tom Becker", "Marcus Webb"])
        harness.press("<esc>/sarah<enter>")
        #expect(harness.state.visibleRuns.map(\.employeeName) == ["Sarah Chen"])
    }

    @Test func unknownFilterKeyIsExplained() {
        var harness = ConsoleHarness()
        harness.press("/colour:red<enter>")
        #expect(harness.flash == "unknown filter key colour: in Runs; known: state: kind: employee:")
    }

    @Test func cursorFollowsTheSelectedRowWhenTheListChanges() {
        var harness = ConsoleHarness()
        harness.press("jj")
        #expect(harness.state.selectedRun?.employeeName == "Tom Becker")
        var changed = PreviewSample.snapshot()
        changed.runs.removeFirst()
        harness.send(.snapshotLoaded(changed))
        #expect(harness.state.selectedRun?.employeeName == "Tom Becker")
        #expect(harness.state.position.cursor == 1)
    }

    @Test func sortCyclesKeys() {
        var harness = ConsoleHarness()
        harness.press("oo")
        #expect(harness.state.sorts[.runs] == SortSpec(key: "employee"))
        #expect(harness.state.visibleRuns.first?.employeeName == "Aiko Tanaka 田中愛子")
        harness.press("O")
        #expect(harness.state.visibleRuns.first?.employeeName == "Tom Becker")
    }

    @Test func pagingAndBottom() {
        var harness = ConsoleHarness(width: 80, height: 16)
        harness.press("G")
        #expect(harness.state.position.cursor == 9)
        #expect(harness.state.position.top == 10 - ConsoleLayout.pageSize(harness.state))
        harness.press("<pgup>g")
        #expect(harness.state.position == ListPosition(cursor: 0, top: 0, selectedID: "run-1042"))
    }

    @Test func tiersWithLeftAndRight() {
        var harness = ConsoleHarness()
        harness.press("<enter>ll")
        #expect(harness.state.selectedStep?.title == "Okta group engineering")
        harness.press("j<right>")
        #expect(harness.state.selectedStep?.title == "AWS role developer")
        harness.press("h")
        #expect(harness.state.selectedStep?.title == "GitLab group engineering")
    }

    @Test func systemsDrillIntoThatSystemsFailures() {
        var harness = ConsoleHarness()
        harness.press(":systems<enter>jjj<enter>")
        #expect(harness.state.kind == .failures)
        #expect(harness.state.visibleFailures.map(\.system) == ["gitlab"])
    }
}
