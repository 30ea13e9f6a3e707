import Foundation

/// Columns aligned for a terminal: headers, then rows, two spaces between columns.
struct TextTable {
    var headers: [String]
    var rows: [[String]]
    var maxColumnWidth = 60

    func render() -> String {
        guard !rows.isEmpty else { return "(none)" }
        let cells = ([headers] + rows).map { row in row.map { clip($0) } }
        var widths = Array(repeating: 0, count: headers.count)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return cells.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private func clip(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > maxColumnWidth ? String(flat.prefix(maxColumnWidth - 1)) + "…" : flat
    }
}
