import Foundation

/// Cursor movements.
public enum CursorMove: Sendable, Hashable {
    case up, down, left, right, top, bottom, pageUp, pageDown
}

/// Everything that can happen to the console: keys already mapped by the binding table, data, resize, results.
public enum ConsoleAction: Sendable, Hashable {
    case move(CursorMove)
    case select(row: Int)
    case drillDown
    case back
    case show(ViewKind)
    case openHelp
    case beginCommand
    case beginFilter
    case insertText(String)
    case deleteBackward
    case submitInput
    case cancelInput
    case toggleFocus
    case approve, deny, retry, skip, rollback, togglePause, retryAllFailedForSystem, replay, discard
    case toggleTimeline
    case cycleSort
    case reverseSort
    case refresh
    case quit
    case snapshotLoaded(ConsoleSnapshot)
    case resized(width: Int, height: Int)
    case tick(Date)
    case commandFinished(message: String, failed: Bool)
    case clearFlash
}
