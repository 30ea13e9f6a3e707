/// A table: a bold header line and rows, with the cursor row highlighted and scrolled into view.
public struct TableModel: Sendable {
    public var columns: [TableColumn]
    public var rows: [[TableCell]]
    public var cursor: Int?
    public var top: Int

    public init(columns: [TableColumn], rows: [[TableCell]], cursor: Int?, top: Int) {
        self.columns = columns
        self.rows = rows
        self.cursor = cursor
        self.top = top
    }
}

extension CellGrid {
    /// Draws the table into `rect`: header on the first line, rows from `model.top` below it.
    public mutating func table(_ model: TableModel, in rect: Rect, glyphs: GlyphSet, gap fixedGap: Int? = nil) {
        let gap = fixedGap ?? (rect.width >= 120 ? 2 : 1)
        guard rect.height > 0, rect.width > 0 else { return }
        let contentWidths = model.columns.indices.map { column in
            model.rows.prefix(model.top + rect.height).reduce(DisplayWidth.of(model.columns[column].title)) {
                max($0, $1[safe: column]?.preferredWidth ?? 0)
            }
        }
        let widths = TableLayout.widths(for: model.columns, contentWidths: contentWidths, available: rect.width - 2, gap: gap)
        let header = CellStyle(.tableHeader, .bold)
        var x = rect.x + 1
        for (index, column) in model.columns.enumerated() {
            guard let width = widths[index] else { continue }
            put(column.title, x: x, y: rect.y, width: width, style: header, alignment: column.alignment, ellipsis: glyphs.ellipsis)
            x += width + gap
        }
        let visibleRows = rect.height - 1
        guard visibleRows > 0 else { return }
        for line in 0..<visibleRows {
            let rowIndex = model.top + line
            guard rowIndex < model.rows.count else { break }
            let y = rect.y + 1 + line
            let isCursor = rowIndex == model.cursor
            x = rect.x + 1
            for (index, cell) in model.rows[rowIndex].enumerated() {
                guard index < widths.count, let width = widths[index] else { continue }
                draw(cell, x: x, y: y, width: width, alignment: model.columns[index].alignment, glyphs: glyphs)
                x += width + gap
            }
            if isCursor { restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: CellStyle(.tableCursor, .bold)) }
        }
    }

    private mutating func draw(_ cell: TableCell, x: Int, y: Int, width: Int, alignment: TextLayout.Alignment, glyphs: GlyphSet) {
        switch cell {
        case .text(let spans):
            let used = Span.width(spans)
            let offset = alignment == .right && used < width ? width - used : 0
            put(spans: spans, x: x + offset, y: y, maxWidth: width - offset, ellipsis: glyphs.ellipsis)
        case .progress(let fraction, let label, let style):
            // A fixed label width keeps the bars of all rows the same length.
            let labelWidth = max(5, DisplayWidth.of(label))
            let barWidth = width - labelWidth - 1
            if barWidth >= 4 {
                progressBar(x: x, y: y, width: barWidth, fraction: fraction, glyphs: glyphs, filled: style)
                put(TextLayout.fit(label, to: labelWidth, alignment: .right), x: x + barWidth + 1, y: y, style: .body, maxWidth: labelWidth)
            } else {
                put(label, x: x, y: y, width: width, style: .body, alignment: .right, ellipsis: glyphs.ellipsis)
            }
        case .sparkline(let values, let style):
            sparkline(values, x: x, y: y, width: width, glyphs: glyphs, style: style)
        }
    }
}
