import Foundation

/// Picks the theme to use: monochrome when colour is off (`NO_COLOR`, a terminal without colour),
/// else the named theme from the theme directories, with `default` built in.
public enum ThemeResolver {
    /// `$KEYCARD_THEMES`, `./themes`, then `~/.config/keycard/themes`.
    public static func defaultDirectories(environment: [String: String]) -> [URL] {
        var directories: [URL] = []
        if let custom = environment["KEYCARD_THEMES"], !custom.isEmpty { directories.append(URL(fileURLWithPath: custom)) }
        directories.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("themes"))
        if let home = environment["HOME"] {
            directories.append(URL(fileURLWithPath: home).appendingPathComponent(".config/keycard/themes"))
        }
        return directories
    }

    /// True when the user asked for no colour (`NO_COLOR` set and not empty, see no-color.org).
    public static func colorDisabled(environment: [String: String]) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    public static func resolve(
        name: String?, directories: [URL], environment: [String: String], terminalHasColors: Bool
    ) throws(ThemeError) -> Theme {
        if colorDisabled(environment: environment) || !terminalHasColors { return .monochrome }
        let wanted = name ?? "default"
        if wanted.hasSuffix(".yaml") || wanted.contains("/") {
            return try ThemeLoader.load(contentsOf: URL(fileURLWithPath: wanted))
        }
        for directory in directories {
            let file = directory.appendingPathComponent(wanted + ".yaml")
            if FileManager.default.fileExists(atPath: file.path) { return try ThemeLoader.load(contentsOf: file) }
        }
        if wanted == "default" { return try ThemeLoader.parse(BuiltinThemes.defaultYAML, name: "default", file: "<built-in default>") }
        if wanted == "monochrome" { return .monochrome }
        let available = Set(directories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        } + ["default", "monochrome"]).sorted()
        throw ThemeError(
            file: wanted,
            message: "no theme named `\(wanted)` in \(directories.map(\.path).joined(separator: ", ")); available: \(available.joined(separator: ", "))")
    }
}
