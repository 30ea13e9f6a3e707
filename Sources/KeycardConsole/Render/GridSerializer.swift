/// Text forms of a grid for snapshots and text captures: plain, or with `{role+attrs}` tags where the style changes.
public enum GridSerializer {
    /// One line per row, trailing spaces removed.
    public static func plainText(_ grid: CellGrid) -> String {
        (0..<grid.height).map { trimTrailingSpaces(grid.rowText($0)) }.joined(separator: "\n") + "\n"
    }

    /// One line per row; each change of style opens with `{role}` or `{role+bold+reverse}`; every line starts as `body`.
    public static func taggedText(_ grid: CellGrid) -> String {
        var lines: [String] = []
        for y in 0..<grid.height {
            var last = grid.width - 1
            while last >= 0, grid[last, y].grapheme == " ", grid[last, y].style == .body { last -= 1 }
            var line = ""
            var current = CellStyle.body
            if last >= 0 {
                for x in 0...last {
                    let cell = grid[x, y]
                    if cell.isContinuation { continue }
                    if cell.style != current && !(cell.grapheme == " " && cell.style.attributes.isEmpty && cell.style.role == current.role) {
                        line += tag(cell.style)
                        current = cell.style
                    }
                    line.append(cell.grapheme)
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func tag(_ style: CellStyle) -> String {
        var parts = [style.role.rawValue]
        if style.attributes.contains(.bold) { parts.append("bold") }
        if style.attributes.contains(.reverse) { parts.append("reverse") }
        if style.attributes.contains(.dim) { parts.append("dim") }
        if style.attributes.contains(.underline) { parts.append("underline") }
        return "{" + parts.joined(separator: "+") + "}"
    }

    private static func trimTrailingSpaces(_ text: String) -> String {
        var result = Substring(text)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
