/// Where things go on the screen, shared by the renderer, the reducer (page sizes) and mouse hit tests.
public enum ConsoleLayout {
    public static let minimumWidth = 64
    public static let minimumHeight = 16

    public static func fits(width: Int, height: Int) -> Bool {
        width >= minimumWidth && height >= minimumHeight
    }

    public static let headerRow = 0
    public static let tabsRow = 1

    /// The framed view area: everything between the tabs and the crumb, flash and hint lines.
    public static func frame(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 2, width: width, height: height - 5)
    }

    /// Lines above and below the list inside the frame, per view (chain status, detail panes).
    public static func paneHeights(for kind: ViewKind) -> (top: Int, bottom: Int) {
        switch kind {
        case .audit: return (1, 0)
        case .failures: return (0, 3)
        case .approvals, .events: return (0, 4)
        default: return (0, 0)
        }
    }

    /// The table area of a list view, header line included.
    public static func listRect(for kind: ViewKind, width: Int, height: Int) -> Rect {
        let inner = frame(width: width, height: height).inset(by: 1)
        let panes = paneHeights(for: kind)
        return Rect(x: inner.x, y: inner.y + panes.top, width: inner.width, height: inner.height - panes.top - panes.bottom)
    }

    /// Rows of data a page shows in the current view.
    public static func pageSize(_ state: ConsoleState) -> Int {
        max(1, listRect(for: state.kind, width: state.width, height: state.height).height - 1)
    }

    /// The tab strip: each top-level view's label and the columns it covers.
    public static func tabs(_ state: ConsoleState) -> [(kind: ViewKind, label: String, columns: Range<Int>)] {
        var x = 1
        var result: [(ViewKind, String, Range<Int>)] = []
        for kind in ViewKind.topLevel {
            var label = " \(kind.title)"
            switch kind {
            case .failures where !state.snapshot.failures.isEmpty: label += " \(state.snapshot.failures.count)"
            case .approvals where !state.snapshot.approvals.isEmpty: label += " \(state.snapshot.approvals.count)"
            case .events where state.snapshot.deadLetters > 0: label += " \(state.snapshot.deadLetters)"
            default: break
            }
            label += " "
            let width = DisplayWidth.of(label)
            result.append((kind, label, x..<x + width))
            x += width + 1
        }
        return result
    }

    /// What a mouse click at (x, y) means: a tab, or a row of the current list.
    public static func hitTest(_ state: ConsoleState, x: Int, y: Int) -> ConsoleAction? {
        guard fits(width: state.width, height: state.height), state.dialog == nil else { return nil }
        if y == tabsRow {
            return tabs(state).first { $0.columns.contains(x) }.map { .show($0.kind) }
        }
        switch state.route {
        case .list:
            let list = listRect(for: state.kind, width: state.width, height: state.height)
            let line = y - list.y - 1
            guard line >= 0, line < list.height - 1, list.contains(x: x, y: y) else { return nil }
            let index = state.position.top + line
            guard index < state.rowIDs(for: state.route).count else { return nil }
            return index == state.position.cursor ? .drillDown : .select(row: index)
        default:
            return nil
        }
    }
}
