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
        let columnWidth = 30
        var x = area.x
        var y = area.y
        for section in KeyDocs.sections(readOnly: state.readOnly) {
            let needed = section.bindings.count + 1
            if y + min(needed, 3) > area.maxY {
                x += columnWidth + 2
                y = area.y
            }
            if x + columnWidth > area.maxX + 6 { break }
            grid.put(section.title.uppercased(), x: x, y: y, style: CellStyle(.tableHeader, .bold), maxWidth: columnWidth)
            y += 1
            for binding in section.bindings {
                if y >= area.maxY {
                    x += columnWidth + 2
                    y = area.y
                }
                let keyLabel = TextLayout.fit("<\(binding.label)>", to: 11)
                let style = binding.dangerous ? CellStyle(.statusAwaiting) : CellStyle(.hint)
                grid.put(spans: [Span(keyLabel, .key, .bold), Span(binding.description, style: style)], x: x, y: y, maxWidth: min(columnWidth, area.maxX - x), ellipsis: glyphs.ellipsis)
                y += 1
            }
            y += 1
        }
    }
}
