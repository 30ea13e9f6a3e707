import KeycardCore

/// How values are shown inside error messages: short, quoted, with invisible characters made visible.
enum ValueDescription {
    static let maximumShownLength = 60

    static func quoted(_ text: String) -> String {
        var shown = ""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == maximumShownLength {
                shown += "…"
                break
            }
            if TextRules.isInvisible(scalar) || scalar == "\"" || scalar == "\\" {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return "\"" + shown + "\""
    }

    /// "a number (42)", "a string (\"x\")", "an object".
    static func found(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return "a string (\(quoted(text)))"
        case .int(let number): return "a number (\(number))"
        case .double(let number): return "a number (\(number))"
        case .bool(let flag): return "a boolean (\(flag))"
        default: return value.typeDescription
        }
    }
}
