/// `?`: every key from the binding table, grouped by view, and where the log file is.
enum HelpView {
    static func draw(_ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext) {
        let glyphs = context.glyphs
        grid.box(frame, glyphs: glyphs, title: [Span("Help", .frameTitle, .bold), Span(" keys", .hint)])
        let inner = frame.inset(by: 1)
        let footer: [Span] = [
            Span("log ", .hint), Span(state.logPath ?? "(not logging)"), Span("   as ", .hint), Span(state.actor),
            Span(state.readOnly ? "   read-only: keys that change things are off" : "", .statusAwaiting),
        ]
        grid.put(spans: footer, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, ellipsis: glyphs.ellipsis)
        let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height - 2)
        let columns = max(1, (area.width + 2) / 28)
        let columnWidth = (area.width - 2 * (columns - 1)) / columns
        var x = area.x
        var y = area.y
        // The keys of the view help was opened from come right after the global ones.
        let origin = state.stack.dropLast().last?.kind
        let sections = KeyDocs.sections(readOnly: state.readOnly).enumerated().sorted { lhs, rhs in
            (rank(lhs.element.title, origin: origin), lhs.offset) < (rank(rhs.element.title, origin: origin), rhs.offset)
        }.map(\.element)
        var truncated = false
        for section in sections {
            let needed = section.bindings.count + 1
            if y + min(needed, 3) > area.maxY {
                x += columnWidth + 2
                y = area.y
            }
            if x + columnWidth > area.maxX {
                truncated = true
                break
            }
            grid.put(section.title.uppercased(), x: x, y: y, style: CellStyle(.tableHeader, .bold), maxWidth: columnWidth)
            y += 1
            for binding in section.bindings {
                if y >= area.maxY {
                    x += columnWidth + 2
                    y = area.y
                }
                if x + columnWidth > area.maxX {
                    truncated = true
                    break
                }
                let keyLabel = TextLayout.fit("<\(binding.label)>", to: 11)
                let style = binding.dangerous ? CellStyle(.statusAwaiting) : CellStyle(.hint)
                grid.put(spans: [Span(keyLabel, .key, .bold), Span(binding.description, style: style)], x: x, y: y, maxWidth: min(columnWidth, area.maxX - x), ellipsis: glyphs.ellipsis)
                y += 1
            }
            y += 1
        }
        if truncated {
            let note = "more keys: a bigger window, or docs/console-keys.md"
            grid.put(note, x: inner.maxX - 1 - DisplayWidth.of(note), y: inner.maxY - 2, style: CellStyle(.hint))
        }
    }

    static func rank(_ title: String, origin: ViewKind?) -> Int {
        if title == "Global" { return 0 }
        if let origin, title == origin.title { return 1 }
        return 2
    }
}
