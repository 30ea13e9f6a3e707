/// What one table cell shows: styled text, or a progress bar with a label after it.
public enum TableCell: Sendable, Hashable {
    case text([Span])
    case progress(fraction: Double, label: String, style: CellStyle)
    case sparkline([Double], style: CellStyle)

    public static func plain(_ text: String, _ role: StyleRole = .body, _ attributes: CellAttributes = []) -> TableCell {
        .text([Span(text, role, attributes)])
    }

    /// Columns the content would like, for the column layout.
    public var preferredWidth: Int {
        switch self {
        case .text(let spans): return Span.width(spans)
        case .progress(_, let label, _): return 12 + DisplayWidth.of(label)
        case .sparkline(let values, _): return values.count
        }
    }
}
