import Foundation
import Yams

/// Reads k9s-skin-like theme YAML (`keycard: { body: …, frame: { border: … }, status: { failed: … } }`).
public enum ThemeLoader {
    /// Where each role lives in the YAML document, under the top-level `keycard` key.
    public static let rolePaths: [StyleRole: [String]] = [
        .body: ["body"], .frameBorder: ["frame", "border"], .frameTitle: ["frame", "title"], .crumb: ["frame", "crumb"],
        .statusSucceeded: ["status", "succeeded"], .statusFailed: ["status", "failed"], .statusRunning: ["status", "running"],
        .statusPending: ["status", "pending"], .statusAwaiting: ["status", "awaiting"], .statusSkipped: ["status", "skipped"],
        .tableHeader: ["table", "header"], .tableCursor: ["table", "cursor"], .dialog: ["dialog"],
        .flashError: ["flash", "error"], .flashInfo: ["flash", "info"], .hint: ["hint"], .key: ["key"],
    ]

    /// Loads a theme file; the theme is named after the file.
    public static func load(contentsOf url: URL) throws(ThemeError) -> Theme {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ThemeError(file: url.path, message: "cannot read the theme file (\(error.localizedDescription))")
        }
        return try parse(text, name: url.deletingPathExtension().lastPathComponent, file: url.path)
    }

    /// Parses theme YAML; `file` is only used in error messages.
    public static func parse(_ yaml: String, name: String, file: String) throws(ThemeError) -> Theme {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw ThemeError(file: file, message: "not valid YAML: \(error)")
        }
        guard let root, let top = root.mapping else {
            throw ThemeError(file: file, line: root?.mark?.line, message: "a theme is a mapping with one key `keycard`")
        }
        guard let skin = top["keycard"] else {
            throw ThemeError(file: file, line: root.mark?.line, message: "missing the top-level key `keycard`")
        }
        var styles: [StyleRole: Theme.RoleStyle] = [:]
        var monochrome = false
        try walk(skin, path: [], file: file) { path, node throws(ThemeError) in
            if path == ["monochrome"] {
                monochrome = node.bool ?? false
                return
            }
            guard let role = rolePaths.first(where: { $0.value == path })?.key else {
                throw ThemeError(
                    file: file, line: node.mark?.line, column: node.mark?.column,
                    message: "unknown key `\(path.joined(separator: "."))`; known: \(knownKeys)")
            }
            styles[role] = try roleStyle(node, path: path, file: file)
        }
        for role in StyleRole.allCases where styles[role] == nil {
            throw ThemeError(
                file: file, line: skin.mark?.line,
                message: "missing `\(rolePaths[role]!.joined(separator: "."))` (every role needs a style)")
        }
        return Theme(name: name, styles: styles, isMonochrome: monochrome)
    }

    private static var knownKeys: String {
        (rolePaths.values.map { $0.joined(separator: ".") } + ["monochrome"]).sorted().joined(separator: ", ")
    }

    private static let styleKeys: Set<String> = ["fgColor", "bgColor", "attrs"]

    /// Visits each leaf style mapping (one holding `fgColor`/`bgColor`/`attrs`) or scalar with its key path.
    private static func walk(
        _ node: Node, path: [String], file: String, visit: ([String], Node) throws(ThemeError) -> Void
    ) throws(ThemeError) {
        guard let mapping = node.mapping else {
            try visit(path, node)
            return
        }
        let keys = mapping.keys.compactMap(\.string)
        if !path.isEmpty, keys.contains(where: { styleKeys.contains($0) }) {
            try visit(path, node)
            return
        }
        for (key, value) in mapping {
            guard let name = key.string else {
                throw ThemeError(file: file, line: key.mark?.line, column: key.mark?.column, message: "keys must be names")
            }
            try walk(value, path: path + [name], file: file, visit: visit)
        }
    }

    private static func roleStyle(_ node: Node, path: [String], file: String) throws(ThemeError) -> Theme.RoleStyle {
        let dotted = path.joined(separator: ".")
        guard let mapping = node.mapping else {
            throw ThemeError(
                file: file, line: node.mark?.line, column: node.mark?.column,
                message: "`\(dotted)` must be a mapping of fgColor, bgColor and attrs")
        }
        var style = Theme.RoleStyle()
        for (key, value) in mapping {
            let name = key.string ?? ""
            switch name {
            case "fgColor": style.foreground = try color(value, field: "\(dotted).fgColor", file: file)
            case "bgColor": style.background = try color(value, field: "\(dotted).bgColor", file: file)
            case "attrs": style.attributes = try attributes(value, field: "\(dotted).attrs", file: file)
            default:
                throw ThemeError(
                    file: file, line: key.mark?.line, column: key.mark?.column,
                    message: "unknown key `\(name)` in `\(dotted)`; use fgColor, bgColor, attrs")
            }
        }
        return style
    }

    private static func color(_ node: Node, field: String, file: String) throws(ThemeError) -> ThemeColor {
        let text = node.string ?? ""
        guard let color = ThemeColor(parsing: text) else {
            throw ThemeError(
                file: file, line: node.mark?.line, column: node.mark?.column,
                message: "unknown colour `\(text)` for \(field); use default, a name like red or dodgerblue, a number 0-255, or #rrggbb")
        }
        return color
    }

    private static func attributes(_ node: Node, field: String, file: String) throws(ThemeError) -> CellAttributes {
        let items: [Node] = node.sequence.map { Array($0) } ?? [node]
        var result: CellAttributes = []
        for item in items {
            switch item.string ?? "" {
            case "bold": result.insert(.bold)
            case "reverse": result.insert(.reverse)
            case "dim": result.insert(.dim)
            case "underline": result.insert(.underline)
            case let other:
                throw ThemeError(
                    file: file, line: item.mark?.line, column: item.mark?.column,
                    message: "unknown attribute `\(other)` in \(field); use bold, reverse, dim, underline")
            }
        }
        return result
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ThemeError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ThemeError(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
        default:
            return ThemeError(file: file, message: "YAML syntax: \(error)")
        }
    }
}
