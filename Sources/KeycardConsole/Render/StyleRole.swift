/// A semantic colour role of a cell; themes map roles to colours, so views never name a colour.
public enum StyleRole: String, Sendable, Hashable, CaseIterable, Codable {
    case body
    case frameBorder
    case frameTitle
    case crumb
    case statusSucceeded
    case statusFailed
    case statusRunning
    case statusPending
    case statusAwaiting
    case statusSkipped
    case tableHeader
    case tableCursor
    case dialog
    case flashError
    case flashInfo
    case hint
    case key
}
