import KeycardCore

/// Checks every canonical text attribute shares: not empty, not absurdly long, no invisible control characters.
enum TextRules {
    static let maximumLength = 512

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// Ids also refuse format characters (zero-width spaces, bidirectional overrides) that make two ids look alike.
    static func isForbiddenInIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        isInvisible(scalar) || scalar.properties.generalCategory == .format
    }

    /// The problems of `text` as a canonical attribute value; `identifier` applies the stricter id rules.
    static func problems(of text: String, identifier: Bool) -> [String] {
        if text.allSatisfy(\.isWhitespace) {
            return [text.isEmpty ? "is empty" : "holds only whitespace"]
        }
        var problems: [String] = []
        let length = text.count
        if length > maximumLength {
            problems.append("is \(length) characters long; at most \(maximumLength) are allowed")
        }
        let forbidden = identifier ? isForbiddenInIdentifier : isInvisible
        if let scalar = text.unicodeScalars.first(where: forbidden) {
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            problems.append("contains the control character \(code); \(identifier ? "ids" : "values") must be printable")
        }
        return problems
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
