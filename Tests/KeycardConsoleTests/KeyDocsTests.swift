import Foundation
import KeycardConsole
import KeycardTestSupport
import Testing

/// docs/console-keys.md is generated from the binding table; this keeps it in step.
@Suite("Key docs")
struct KeyDocsTests {
    @Test func docsMatchTheBindingTable() throws {
        let file = FixturePaths.repositoryRoot.appendingPathComponent("docs/console-keys.md")
        let generated = KeyDocs.markdown()
        let recording = !(ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] ?? "").isEmpty
        let current = try? String(contentsOf: file, encoding: .utf8)
        if recording || current == nil {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try generated.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("wrote \(file.path); read it, then run again without RECORD_SNAPSHOTS")
            return
        }
        #expect(current == generated, "docs/console-keys.md is stale: run with RECORD_SNAPSHOTS=1")
    }

    @Test func hintsHelpAndDocsComeFromOneTable() {
        var harness = ConsoleHarness(width: 160, height: 45)
        harness.press(":approvals<enter>")
        let hints = KeyBindings.hints(for: harness.state).map(\.description)
        #expect(hints.contains("Approve"))
        #expect(KeyDocs.markdown().contains("| `a` | Approve | changes, confirms |"))
        harness.press("?")
        #expect(harness.screen.contains("<a>        Approve"))
    }

    @Test func aViewsOwnKeyWinsOverAGlobalOne() {
        #expect(KeyBindings.binding(for: .character("r"), in: .events)?.action == .replay)
        #expect(KeyBindings.binding(for: .character("r"), in: .failures)?.action == .retry)
        #expect(KeyBindings.binding(for: .character("x"), in: .events)?.action == .discard)
        #expect(KeyBindings.binding(for: .character("t"), in: .runs) == nil)
    }
}
