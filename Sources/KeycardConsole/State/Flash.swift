/// The one-line message under the view: the result of an action, or why a key cannot act.
public struct Flash: Sendable, Hashable {
    public enum Level: Sendable, Hashable {
        case info, error
    }

    public var text: String
    public var level: Level

    public init(_ text: String, level: Level = .info) {
        self.text = text
        self.level = level
    }

    public static func error(_ text: String) -> Flash { Flash(text, level: .error) }
}
