import KeycardConsole
import KeycardTestSupport
import Testing

/// Every view rendered from the preview sample at 80×24 and 160×45, plain and colour-tagged.
@Suite("View snapshots")
struct ViewSnapshotTests {
    /// A named screen and the keys that lead to it from the Runs view.
    struct Screen: CustomStringConvertible, Sendable {
        var name: String
        var keys: String
        var description: String { name }
    }

    static let screens: [Screen] = [
        Screen(name: "runs", keys: ""),
        Screen(name: "run-graph", keys: "<enter>"),
        Screen(name: "run-timeline", keys: "<enter>t"),
        Screen(name: "step", keys: "<enter>j<enter>"),
        Screen(name: "failures", keys: ":failures<enter>"),
        Screen(name: "approvals", keys: ":approvals<enter>"),
        Screen(name: "approve-reason", keys: ":approvals<enter>a"),
        Screen(name: "approve-type-name", keys: ":approvals<enter>ja<enter>looks right, on-call rota<enter>"),
        Screen(name: "approve-confirm", keys: ":approvals<enter>aStarts on payments team<enter>"),
        Screen(name: "employees", keys: ":employees<enter>"),
        Screen(name: "employee", keys: ":employees<enter><enter>"),
        Screen(name: "systems", keys: ":systems<enter>"),
        Screen(name: "events", keys: ":events<enter>j"),
        Screen(name: "audit", keys: ":audit<enter>"),
        Screen(name: "help", keys: "?"),
        Screen(name: "filter", keys: "/state:succ"),
        Screen(name: "command", keys: ":app"),
        Screen(name: "pause-confirm", keys: "p"),
    ]

    static let sizes: [(Int, Int)] = [(80, 24), (160, 45)]

    @Test("view snapshot", arguments: screens, sizes)
    func view(screen: Screen, size: (Int, Int)) {
        var harness = ConsoleHarness(width: size.0, height: size.1)
        harness.press(screen.keys)
        let base = "\(screen.name)-\(size.0)x\(size.1)"
        assertSnapshot(harness.screen, named: base + ".txt")
        assertSnapshot(harness.tagged, named: base + ".tagged.txt")
    }

    @Test func tooSmallTerminalSaysTheSizeItNeeds() {
        let harness = ConsoleHarness(width: 50, height: 12)
        assertSnapshot(harness.screen, named: "too-small-50x12.txt")
        #expect(harness.screen.contains("at least 64×16"))
    }

    @Test func asciiFallbackUsesNoUnicode() {
        var harness = ConsoleHarness(width: 80, height: 24)
        harness.glyphs = .ascii
        harness.press("<enter>")
        let screen = harness.screen
        assertSnapshot(screen, named: "run-graph-ascii-80x24.txt")
        let nonASCII = screen.unicodeScalars.filter { !$0.isASCII }
        // Only the data itself (a CJK name, "García", the ″ in a model name) may be non-ASCII.
        #expect(nonASCII.allSatisfy { "田中愛子í".unicodeScalars.contains($0) })
    }

    @Test func readOnlyHidesActionsFromHints() {
        var harness = ConsoleHarness(width: 160, height: 45, readOnly: true)
        harness.press(":approvals<enter>")
        assertSnapshot(harness.screen, named: "approvals-readonly-160x45.txt")
        #expect(!harness.screen.contains("<a> Approve"))
        #expect(harness.screen.contains("READ-ONLY"))
    }
}
