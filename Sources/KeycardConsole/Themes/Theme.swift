/// A console skin: for every style role, a foreground, background and attributes.
public struct Theme: Sendable, Hashable {
    /// The colours and attributes of one role.
    public struct RoleStyle: Sendable, Hashable {
        public var foreground: ThemeColor
        public var background: ThemeColor
        public var attributes: CellAttributes

        public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault, attributes: CellAttributes = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    public var name: String
    public var styles: [StyleRole: RoleStyle]
    /// No colours at all: state is told by glyphs and attributes (reverse video for the cursor).
    public var isMonochrome: Bool

    public init(name: String, styles: [StyleRole: RoleStyle], isMonochrome: Bool = false) {
        self.name = name
        self.styles = styles
        self.isMonochrome = isMonochrome
    }

    public func style(for role: StyleRole) -> RoleStyle {
        styles[role] ?? styles[.body] ?? RoleStyle()
    }

    /// Used when colours are off (`NO_COLOR`, a terminal without colour): attributes only.
    public static let monochrome = Theme(
        name: "monochrome",
        styles: [
            .body: RoleStyle(), .frameBorder: RoleStyle(), .frameTitle: RoleStyle(attributes: .bold),
            .crumb: RoleStyle(attributes: .reverse), .statusSucceeded: RoleStyle(),
            .statusFailed: RoleStyle(attributes: .bold), .statusRunning: RoleStyle(attributes: .bold),
            .statusPending: RoleStyle(attributes: .dim), .statusAwaiting: RoleStyle(attributes: [.bold, .underline]),
            .statusSkipped: RoleStyle(attributes: .dim), .tableHeader: RoleStyle(attributes: .bold),
            .tableCursor: RoleStyle(attributes: .reverse), .dialog: RoleStyle(),
            .flashError: RoleStyle(attributes: [.bold, .reverse]), .flashInfo: RoleStyle(attributes: .bold),
            .hint: RoleStyle(attributes: .dim), .key: RoleStyle(attributes: .bold),
        ],
        isMonochrome: true)
}
