/// One column of a table: its title, how narrow and wide it may get, and how much it matters.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var minWidth: Int
    /// Widest it grows to fit its content; `nil` lets it take whatever space is left (flexible).
    public var maxWidth: Int?
    /// Columns with a lower priority are hidden first when the terminal is narrow.
    public var priority: Int
    public var alignment: TextLayout.Alignment

    public init(_ title: String, min minWidth: Int, max maxWidth: Int? = nil, priority: Int = 5, alignment: TextLayout.Alignment = .left) {
        self.title = title
        self.minWidth = max(minWidth, 1)
        self.maxWidth = maxWidth
        self.priority = priority
        self.alignment = alignment
    }
}

/// Fits columns into a width: hides the least important until the minimum widths fit, then
/// grows each towards its content, and gives what is left to the flexible columns.
public enum TableLayout {
    /// The width of each column, `nil` for a hidden column.
    public static func widths(for columns: [TableColumn], contentWidths: [Int], available: Int, gap: Int = 2) -> [Int?] {
        var visible = Array(columns.indices)
        func minimumTotal() -> Int {
            visible.reduce(0) { $0 + columns[$1].minWidth } + gap * max(0, visible.count - 1)
        }
        while visible.count > 1 && minimumTotal() > available {
            let drop = visible.enumerated().min { lhs, rhs in
                columns[lhs.element].priority != columns[rhs.element].priority
                    ? columns[lhs.element].priority < columns[rhs.element].priority
                    : lhs.offset > rhs.offset
            }!
            visible.remove(at: drop.offset)
        }
        var widths = [Int?](repeating: nil, count: columns.count)
        for index in visible { widths[index] = columns[index].minWidth }
        var spare = available - minimumTotal()
        for index in visible.sorted(by: { columns[$0].priority > columns[$1].priority }) where spare > 0 {
            let wanted = max(columns[index].minWidth, min(contentWidths[safe: index] ?? 0, columns[index].maxWidth ?? Int.max))
            let grow = min(spare, max(0, wanted - widths[index]!))
            widths[index]! += grow
            spare -= grow
        }
        let flexible = visible.filter { columns[$0].maxWidth == nil }
        if spare > 0, !flexible.isEmpty {
            let share = spare / flexible.count
            for (offset, index) in flexible.enumerated() {
                widths[index]! += share + (offset < spare % flexible.count ? 1 : 0)
            }
        }
        return widths
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
