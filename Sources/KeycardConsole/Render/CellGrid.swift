/// A width × height grid of cells: what a view renders into and what the terminal layer blits.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, style: CellStyle = .body) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(style: style), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// The text of one row, continuation cells left out.
    public func rowText(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation { text.append(self[x, y].grapheme) }
        return text
    }

    /// Writes one grapheme; a wide grapheme that does not fit becomes a space. Keeps wide pairs whole.
    public mutating func set(_ character: Character, x: Int, y: Int, style: CellStyle) {
        guard y >= 0, y < height, x >= 0, x < width else { return }
        let columns = DisplayWidth.of(character)
        if columns == 0 { return }
        if columns == 2 && x + 1 >= width {
            setNarrow(" ", x: x, y: y, style: style)
            return
        }
        setNarrow(character, x: x, y: y, style: style)
        if columns == 2 {
            let right = y * width + x + 1
            if cells[right].width == 2, x + 2 < width { cells[right + 1] = Cell(" ", style: cells[right + 1].style) }
            cells[y * width + x].width = 2
            cells[right] = .continuation(style)
        }
    }

    private mutating func setNarrow(_ character: Character, x: Int, y: Int, style: CellStyle) {
        let index = y * width + x
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
        if cells[index].width == 2, x + 1 < width { cells[index + 1] = Cell(" ", style: cells[index + 1].style) }
        cells[index] = Cell(character, width: 1, style: style)
    }

    /// Writes text from (x, y), clipped at `maxWidth` columns and the grid edge; returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .body, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(maxWidth ?? width, width - x)
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            if used + columns > limit { break }
            set(character, x: x + used, y: y, style: style)
            used += columns
        }
        return max(0, used)
    }

    /// Writes text fitted to exactly `width` columns: truncated with an ellipsis, then padded.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, width columns: Int, style: CellStyle = .body,
        alignment: TextLayout.Alignment = .left, ellipsis: String = "…"
    ) -> Int {
        guard columns > 0 else { return 0 }
        return put(TextLayout.fit(text, to: columns, alignment: alignment, ellipsis: ellipsis), x: x, y: y, style: style, maxWidth: columns)
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ rect: Rect, character: Character = " ", style: CellStyle = .body) {
        let clipped = rect.clamped(to: bounds)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { set(character, x: x, y: y, style: style) }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping its characters (cursor rows, selections).
    public mutating func restyle(_ rect: Rect, style: CellStyle) {
        let clipped = rect.clamped(to: bounds)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * width + x].style = style }
        }
    }
}

extension Rect {
    /// The part of this rectangle inside `outer`.
    public func clamped(to outer: Rect) -> Rect {
        let left = max(x, outer.x)
        let top = max(y, outer.y)
        let right = min(maxX, outer.maxX)
        let bottom = min(maxY, outer.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }
}
