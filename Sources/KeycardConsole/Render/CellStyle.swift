/// Bold, reverse, dim and underline: the attributes every terminal has.
public struct CellAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let reverse = CellAttributes(rawValue: 1 << 1)
    public static let dim = CellAttributes(rawValue: 1 << 2)
    public static let underline = CellAttributes(rawValue: 1 << 3)
}

/// How one cell is drawn: its role (the theme picks the colours) plus attributes.
public struct CellStyle: Sendable, Hashable {
    public var role: StyleRole
    public var attributes: CellAttributes

    public init(_ role: StyleRole, _ attributes: CellAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let body = CellStyle(.body)

    public func adding(_ more: CellAttributes) -> CellStyle {
        CellStyle(role, attributes.union(more))
    }
}
