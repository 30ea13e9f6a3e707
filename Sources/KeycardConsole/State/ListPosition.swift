/// Cursor and scroll of one list, with the id of the selected row so the cursor follows it when the list changes.
public struct ListPosition: Sendable, Hashable {
    public var cursor: Int = 0
    public var top: Int = 0
    public var selectedID: String?

    public init(cursor: Int = 0, top: Int = 0, selectedID: String? = nil) {
        self.cursor = cursor
        self.top = top
        self.selectedID = selectedID
    }

    /// Puts the cursor on `index` of `ids` and scrolls so it shows in `page` rows.
    public mutating func move(to index: Int, ids: [String], page: Int) {
        guard !ids.isEmpty else {
            self = ListPosition()
            return
        }
        cursor = min(max(0, index), ids.count - 1)
        selectedID = ids[cursor]
        scroll(page: page, count: ids.count)
    }

    /// Re-finds the selected row after the list changed; keeps the index when it is gone.
    public mutating func follow(ids: [String], page: Int) {
        if let selectedID, let index = ids.firstIndex(of: selectedID) {
            cursor = index
        } else {
            cursor = min(cursor, max(0, ids.count - 1))
            selectedID = ids[safe: cursor]
        }
        scroll(page: page, count: ids.count)
    }

    private mutating func scroll(page: Int, count: Int) {
        let rows = max(1, page)
        if cursor < top { top = cursor }
        if cursor >= top + rows { top = cursor - rows + 1 }
        top = max(0, min(top, max(0, count - rows)))
    }
}
