/// The shared shape of list views: a frame with a k9s-style title and a table in the list area.
enum ListView {
    static func draw(
        _ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext, title: String, total: Int,
        columns: [TableColumn], rows: [[TableCell]], emptyText: String
    ) {
        let filter = state.filterText
        grid.box(frame, glyphs: context.glyphs, title: Chrome.listTitle(title, count: rows.count, total: total, filter: filter))
        let list = ConsoleLayout.listRect(for: state.kind, width: state.width, height: state.height)
        let position = state.position
        grid.table(TableModel(columns: columns, rows: rows, cursor: rows.isEmpty ? nil : position.cursor, top: position.top), in: list, glyphs: context.glyphs)
        if rows.isEmpty {
            Chrome.emptyMessage(&grid, rect: list, text: filter.isEmpty ? emptyText : "Nothing matches /\(filter)  (esc clears the filter)")
        }
    }

    /// A detail pane under the list: a rule, then label/value lines.
    static func pane(_ grid: inout CellGrid, frame: Rect, height: Int, lines: [[Span]], context: RenderContext) {
        let inner = frame.inset(by: 1)
        let top = inner.maxY - height
        guard height > 0 else { return }
        for x in inner.x..<inner.maxX { grid.set(context.glyphs.horizontal, x: x, y: top, style: CellStyle(.frameBorder, .dim)) }
        for (offset, line) in lines.prefix(height - 1).enumerated() {
            grid.put(spans: line, x: inner.x + 1, y: top + 1 + offset, maxWidth: inner.width - 2, ellipsis: context.glyphs.ellipsis)
        }
    }
}
