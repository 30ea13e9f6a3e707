/// Boxes, bars and sparklines drawn into a grid.
extension CellGrid {
    /// A frame around `rect` with an optional title centred in the top border, k9s style.
    public mutating func box(
        _ rect: Rect, glyphs: GlyphSet, style: CellStyle = CellStyle(.frameBorder),
        title: [Span] = [], titleAlignment: TextLayout.Alignment? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in rect.x + 1..<rect.maxX - 1 {
            set(glyphs.horizontal, x: x, y: rect.y, style: style)
            set(glyphs.horizontal, x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            set(glyphs.vertical, x: rect.x, y: y, style: style)
            set(glyphs.vertical, x: rect.maxX - 1, y: y, style: style)
        }
        set(glyphs.topLeft, x: rect.x, y: rect.y, style: style)
        set(glyphs.topRight, x: rect.maxX - 1, y: rect.y, style: style)
        set(glyphs.bottomLeft, x: rect.x, y: rect.maxY - 1, style: style)
        set(glyphs.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        guard !title.isEmpty else { return }
        let padded = [Span(" ", style: style)] + title + [Span(" ", style: style)]
        let titleWidth = min(Span.width(padded), rect.width - 4)
        let start: Int
        switch titleAlignment {
        case .left?: start = rect.x + 2
        case .right?: start = rect.maxX - 2 - titleWidth
        case nil: start = rect.x + (rect.width - titleWidth) / 2
        }
        put(spans: padded, x: start, y: rect.y, maxWidth: titleWidth, ellipsis: glyphs.ellipsis)
    }

    /// Writes styled spans one after another; returns the columns used. Ends in an ellipsis when they do not fit.
    @discardableResult
    public mutating func put(spans: [Span], x: Int, y: Int, maxWidth: Int, ellipsis: String = "…") -> Int {
        guard maxWidth > 0 else { return 0 }
        let overflows = Span.width(spans) > maxWidth
        let limit = overflows ? max(0, maxWidth - DisplayWidth.of(ellipsis)) : maxWidth
        var used = 0
        var lastStyle = spans.first?.style ?? .body
        for span in spans where used < limit {
            used += put(span.text, x: x + used, y: y, style: span.style, maxWidth: limit - used)
            lastStyle = span.style
        }
        if overflows { used += put(ellipsis, x: x + used, y: y, style: lastStyle, maxWidth: maxWidth - used) }
        return used
    }

    /// A horizontal progress bar of `width` columns, filled to `fraction` with eighth blocks.
    public mutating func progressBar(
        x: Int, y: Int, width columns: Int, fraction: Double, glyphs: GlyphSet,
        filled: CellStyle, empty: CellStyle = CellStyle(.body, .dim)
    ) {
        guard columns > 0 else { return }
        let clamped = min(1, max(0, fraction.isFinite ? fraction : 0))
        let eighths = Int((clamped * Double(columns * 8)).rounded(.down))
        for index in 0..<columns {
            let cellEighths = min(8, max(0, eighths - index * 8))
            if cellEighths == 0 {
                set(glyphs.barEmpty, x: x + index, y: y, style: empty)
            } else {
                set(glyphs.barEighths[cellEighths - 1], x: x + index, y: y, style: filled)
            }
        }
    }

    /// A bar covering `start..<end` (fractions of `width` columns), at least one column wide: timeline spans.
    public mutating func span(x: Int, y: Int, width columns: Int, start: Double, end: Double, glyphs: GlyphSet, style: CellStyle) {
        guard columns > 0 else { return }
        let from = min(columns - 1, max(0, Int((start * Double(columns)).rounded(.down))))
        let to = min(columns, max(from + 1, Int((end * Double(columns)).rounded(.up))))
        let block = glyphs.barEighths[7]
        for index in from..<to { set(block, x: x + index, y: y, style: style) }
    }

    /// A sparkline of `values`, the latest on the right, scaled to the largest value.
    public mutating func sparkline(_ values: [Double], x: Int, y: Int, width columns: Int, glyphs: GlyphSet, style: CellStyle) {
        guard columns > 0, !values.isEmpty else { return }
        let shown = values.suffix(columns)
        let top = max(shown.max() ?? 0, 1e-9)
        let levels = glyphs.sparkline
        var column = x + columns - shown.count
        for value in shown {
            let level = min(levels.count - 1, max(0, Int((value / top * Double(levels.count - 1)).rounded())))
            set(levels[level], x: column, y: y, style: style)
            column += 1
        }
    }
}

/// A run of text in one style: the unit views compose lines from.
public struct Span: Sendable, Hashable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String, style: CellStyle = .body) {
        self.text = text
        self.style = style
    }

    public init(_ text: String, _ role: StyleRole, _ attributes: CellAttributes = []) {
        self.text = text
        self.style = CellStyle(role, attributes)
    }

    public static func width(_ spans: [Span]) -> Int {
        spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }
}
