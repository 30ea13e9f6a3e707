/// The characters the console draws with: Unicode box drawing and state glyphs, or plain ASCII
/// when the locale is not UTF-8.
public struct GlyphSet: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var ellipsis: String
    public var barEighths: [Character]
    public var barEmpty: Character
    public var sparkline: [Character]
    public var arrow: String
    public var separator: String
    public var crumbSeparator: String
    public var warning: String
    public var succeeded: String
    public var failed: String
    public var running: String
    public var pending: String
    public var awaiting: String
    public var skipped: String
    public var compensated: String
    public var isUnicode: Bool

    public static let unicode = GlyphSet(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], barEmpty: "·",
        sparkline: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], arrow: "→", separator: "·", crumbSeparator: "›",
        warning: "⚠", succeeded: "✓", failed: "✗", running: "●", pending: "◌", awaiting: "⏸", skipped: "⊘",
        compensated: "↺", isUnicode: true)

    public static let ascii = GlyphSet(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", barEighths: ["#", "#", "#", "#", "#", "#", "#", "#"], barEmpty: ".",
        sparkline: ["_", ".", ",", ":", "-", "=", "+", "#"], arrow: "->", separator: "|", crumbSeparator: ">",
        warning: "!", succeeded: "+", failed: "x", running: "*", pending: ".", awaiting: "?", skipped: "-",
        compensated: "<", isUnicode: false)

    /// Unicode when the locale's character set is UTF-8 (`LC_ALL`, then `LC_CTYPE`, then `LANG`).
    public static func forEnvironment(_ environment: [String: String]) -> GlyphSet {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let normalized = String(locale.lowercased().filter { $0 != "-" })
        return normalized.contains("utf8") ? .unicode : .ascii
    }
}
