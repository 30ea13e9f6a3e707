import KeycardCore
/// The lines around every view: header, tabs, breadcrumbs, flash or prompt, key hints.
enum Chrome {
    static func header(_ grid: inout CellGrid, state: ConsoleState, context: RenderContext) {
        let glyphs = context.glyphs
        let snapshot = state.snapshot
        let runs = snapshot.runs
        let running = runs.count { $0.state == .running || $0.state == .rollingBack }
        let awaiting = snapshot.approvals.count
        let failed = snapshot.failures.count
        let done = runs.count { $0.state == .succeeded }
        let right: [Span] = [
            Span("runs ", .hint), Span("\(runs.count)", .body, .bold), Span(" "),
            Span("\(glyphs.running) \(running)", .statusRunning), Span(" "),
            Span("\(glyphs.awaiting) \(awaiting)", .statusAwaiting), Span(" "),
            Span("\(glyphs.failed) \(failed)", .statusFailed), Span(" "),
            Span("\(glyphs.succeeded) \(done)", .statusSucceeded), Span(" "),
        ]
        let engine: Span
        switch snapshot.engineState {
        case .running: engine = Span("\(glyphs.running) running", .statusSucceeded, .bold)
        case .paused: engine = Span("\(glyphs.awaiting) PAUSED", .statusAwaiting, .bold)
        case .watching: engine = Span("\(glyphs.running) watching", .statusRunning)
        }
        var left: [Span] = [
            Span(" Keycard", .frameTitle, .bold), Span("  "), engine,
            Span("  "), Span(snapshot.organization, .body, .bold),
            Span("  db ", .hint), Span(snapshot.databasePath, .body),
        ]
        if state.readOnly { left.insert(contentsOf: [Span("  "), Span("READ-ONLY", .statusAwaiting, .bold)], at: 3) }
        let rightWidth = Span.width(right)
        let showRight = state.width - rightWidth >= 40
        let leftWidth = showRight ? state.width - rightWidth - 1 : state.width
        grid.put(spans: left, x: 0, y: ConsoleLayout.headerRow, maxWidth: leftWidth, ellipsis: glyphs.ellipsis)
        if showRight { grid.put(spans: right, x: state.width - rightWidth, y: ConsoleLayout.headerRow, maxWidth: rightWidth) }
    }

    static func tabs(_ grid: inout CellGrid, state: ConsoleState) {
        let current = state.stack.first?.kind ?? .runs
        for tab in ConsoleLayout.tabs(state) {
            let style = tab.kind == current ? CellStyle(.crumb, .bold) : CellStyle(.hint)
            grid.put(tab.label, x: tab.columns.lowerBound, y: ConsoleLayout.tabsRow, style: style, maxWidth: state.width - tab.columns.lowerBound)
        }
    }

    static func crumbLabel(_ route: Route, state: ConsoleState) -> String {
        switch route {
        case .list(let kind): return kind.rawValue
        case .run(let id): return state.snapshot.runs.first { $0.id == id }?.employeeName ?? state.currentRunDetail?.run.employeeName ?? id
        case .step(_, let stepID): return state.currentRunDetail?.step(stepID)?.title ?? stepID
        case .employee(let id): return state.snapshot.employees.first { $0.id == id }?.name ?? id
        case .help: return "help"
        }
    }

    static func crumbs(_ grid: inout CellGrid, state: ConsoleState, context: RenderContext) {
        var x = 1
        let y = state.height - 3
        for (index, route) in state.stack.enumerated() {
            let isLast = index == state.stack.count - 1
            let label = " \(crumbLabel(route, state: state)) "
            let style = isLast ? CellStyle(.crumb, .bold) : CellStyle(.crumb, .dim)
            x += grid.put(TextLayout.truncate(label, to: 28, ellipsis: context.glyphs.ellipsis), x: x, y: y, style: style, maxWidth: state.width - x - 1)
            x += 1
        }
    }

    static func flashLine(_ grid: inout CellGrid, state: ConsoleState, context: RenderContext) {
        let y = state.height - 2
        let cursor = context.glyphs.isUnicode ? "▏" : "_"
        switch state.mode {
        case .command(let text):
            grid.put(spans: [Span(":", .key, .bold), Span(text, .body, .bold), Span(cursor, .key)], x: 1, y: y, maxWidth: state.width - 2)
            let matches = ConsoleReducer.commands.keys.filter { !text.isEmpty && $0.hasPrefix(text.lowercased()) && $0.count > 2 }.sorted()
            if !matches.isEmpty {
                let hint = "  " + matches.prefix(4).map { ":" + $0 }.joined(separator: " ")
                grid.put(hint, x: 3 + DisplayWidth.of(text), y: y, style: CellStyle(.hint), maxWidth: state.width - 4 - DisplayWidth.of(text))
            }
        case .filter(let text):
            grid.put(spans: [Span("/", .key, .bold), Span(text, .body, .bold), Span(cursor, .key)], x: 1, y: y, maxWidth: state.width - 2)
        case .normal:
            guard let flash = state.flash else { return }
            let style = flash.level == .error ? CellStyle(.flashError) : CellStyle(.flashInfo)
            let prefix = flash.level == .error ? context.glyphs.failed + " " : ""
            grid.put(spans: [Span(prefix + flash.text, style: style)], x: 1, y: y, maxWidth: state.width - 2, ellipsis: context.glyphs.ellipsis)
        }
    }

    static func hintLine(_ grid: inout CellGrid, state: ConsoleState, context: RenderContext) {
        let y = state.height - 1
        var x = 1
        let bindings: [(String, String)]
        if let dialog = state.dialog {
            bindings = dialog.isTextEntry ? [("enter", "Next"), ("esc", "Cancel")] : [("tab", "Switch"), ("enter", "Choose"), ("esc", "Cancel")]
        } else if state.mode != .normal {
            bindings = [("enter", "Apply"), ("esc", "Cancel"), ("bksp", "Erase")]
        } else {
            bindings = KeyBindings.hints(for: state).map { ($0.label, $0.description.split(separator: " (").first.map(String.init) ?? $0.description) }
        }
        for (key, description) in bindings {
            let spans = [Span("<\(key)>", .key, .bold), Span(" \(description)", .hint)]
            let width = Span.width(spans)
            if x + width > state.width - 1 { break }
            grid.put(spans: spans, x: x, y: y, maxWidth: width)
            x += width + 2
        }
    }

    /// A list view's frame title: `Runs(state:failed)[3]`, k9s style.
    static func listTitle(_ title: String, count: Int, total: Int, filter: String) -> [Span] {
        var spans = [Span(title, .frameTitle, .bold)]
        if !filter.isEmpty { spans.append(Span("(\(filter))", .statusAwaiting)) }
        spans.append(Span("[\(count == total ? "\(count)" : "\(count)/\(total)")]", .key, .bold))
        return spans
    }

    static func emptyMessage(_ grid: inout CellGrid, rect: Rect, text: String) {
        grid.put(text, x: rect.x + 2, y: rect.y + 1, style: CellStyle(.hint), maxWidth: rect.width - 3)
    }
}
