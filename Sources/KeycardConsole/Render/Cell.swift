/// One terminal column: a grapheme, how many columns it takes, and its style.
///
/// A wide grapheme (CJK, emoji) sits in the left cell with `width == 2`; the cell to its
/// right is a continuation with `width == 0` that the terminal layer never writes.
public struct Cell: Sendable, Hashable {
    public var grapheme: Character
    public var width: UInt8
    public var style: CellStyle

    public init(_ grapheme: Character = " ", width: UInt8 = 1, style: CellStyle = .body) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    public var isContinuation: Bool { width == 0 }

    static func continuation(_ style: CellStyle) -> Cell {
        Cell(" ", width: 0, style: style)
    }
}
