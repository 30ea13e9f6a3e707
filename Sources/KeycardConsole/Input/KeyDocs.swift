/// The binding table as help sections and as Markdown (docs/console-keys.md).
public enum KeyDocs {
    /// A titled group of bindings for the help screen and docs.
    public struct Section: Sendable {
        public var title: String
        public var bindings: [KeyBinding]
    }

    /// Global keys first, then one section per view that has its own keys.
    public static func sections(readOnly: Bool = false) -> [Section] {
        let usable = KeyBindings.all.filter { !(readOnly && $0.mutates) }
        var sections = [Section(title: "Global", bindings: usable.filter(\.isGlobal))]
        let views: [ViewKind] = [.runs, .run, .step, .failures, .approvals, .employees, .systems, .events]
        for view in views {
            let own = usable.filter { !$0.isGlobal && $0.scopes.contains(view) }
            if !own.isEmpty { sections.append(Section(title: view.title, bindings: own)) }
        }
        return sections
    }

    public static func markdown() -> String {
        var lines = [
            "# Console keys",
            "",
            "Generated from the console's binding table (`KeyBindings.all`) by `swift test --filter KeyDocsTests`",
            "with `RECORD_SNAPSHOTS=1`; do not edit by hand. Dangerous keys ask for confirmation with Cancel",
            "focused; high-risk approvals ask to type the grant's name. `--readonly` removes every key marked *changes*.",
            "",
            "Commands: " + ViewKind.topLevel.map { "`:\($0.rawValue)`" }.joined(separator: " ") + " `:help` `:q`.",
            "Filters: free text, or `key:value` terms: " + ViewKind.topLevel.compactMap { kind in
                ConsoleReducer.filterKeys[kind].map { "\(kind.title): " + $0.map { "`\($0):`" }.joined(separator: " ") }
            }.joined(separator: "; ") + ".",
            "Mouse: click a tab to switch view, click a row to select it, click it again to open it; the wheel scrolls.",
        ]
        for section in sections() {
            lines += ["", "## \(section.title)", "", "| key | action | notes |", "| --- | --- | --- |"]
            for binding in section.bindings {
                var notes: [String] = []
                if binding.mutates { notes.append("changes") }
                if binding.dangerous { notes.append("confirms") }
                if !binding.visibleInHints { notes.append("not in hint line") }
                lines.append("| `\(binding.label)` | \(binding.description) | \(notes.joined(separator: ", ")) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
