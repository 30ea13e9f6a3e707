/// The parsed shape of a pattern before it is compiled to NFA instructions.
indirect enum RegexNode: Sendable {
    case empty
    case scalar(ScalarMatcher)
    case lineStart, lineEnd
    case concatenation([RegexNode])
    case alternation([RegexNode])
    case repeated(RegexNode, min: Int, max: Int?)
}

/// Parses the supported regex subset; group nesting is bounded.
struct RegexParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var depth = 0
    static let maxDepth = 16
    static let maxRepeat = 100

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private func peek() -> Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private func error(_ message: String) -> RegexError { RegexError(message: message, offset: position) }

    mutating func parse() throws(RegexError) -> RegexNode {
        let node = try alternation()
        if position < scalars.count { throw error("unexpected ')'") }
        return node
    }

    private mutating func alternation() throws(RegexError) -> RegexNode {
        var branches = [try concatenation()]
        while peek() == "|" {
            position += 1
            branches.append(try concatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func concatenation() throws(RegexError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = peek(), scalar != "|", scalar != ")" {
            var atom = try self.atom()
            if let quantifier = peek(), "*+?{".unicodeScalars.contains(quantifier) {
                atom = try quantify(atom)
                if let again = peek(), "*+?{".unicodeScalars.contains(again) {
                    throw error("nested quantifier: repeat a group instead")
                }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concatenation(items))
    }

    private mutating func quantify(_ atom: RegexNode) throws(RegexError) -> RegexNode {
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "*": return .repeated(atom, min: 0, max: nil)
        case "+": return .repeated(atom, min: 1, max: nil)
        case "?": return .repeated(atom, min: 0, max: 1)
        default:
            let minimum = try number()
            var maximum: Int? = minimum
            if peek() == "," {
                position += 1
                maximum = peek() == "}" ? nil : try number()
            }
            guard peek() == "}" else { throw error("expected '}' to close the repetition") }
            position += 1
            if let maximum, maximum < minimum { throw error("repetition {\(minimum),\(maximum)} has max below min") }
            if minimum > RegexParser.maxRepeat || (maximum ?? 0) > RegexParser.maxRepeat {
                throw error("repetition count above \(RegexParser.maxRepeat)")
            }
            return .repeated(atom, min: minimum, max: maximum)
        }
    }

    private mutating func number() throws(RegexError) -> Int {
        let start = position
        while let scalar = peek(), scalar.isASCIIDigit, position - start < 4 { position += 1 }
        guard position > start, let value = Int(String(String.UnicodeScalarView(scalars[start..<position]))) else {
            throw error("expected a number in the repetition")
        }
        return value
    }

    private mutating func atom() throws(RegexError) -> RegexNode {
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case ".": return .scalar(.any)
        case "^": return .lineStart
        case "$": return .lineEnd
        case "*", "+", "?", "{": throw RegexError(message: "quantifier '\(scalar)' has nothing to repeat", offset: position - 1)
        case "(":
            if peek() == "?" {
                guard position + 1 < scalars.count, scalars[position + 1] == ":" else {
                    throw error("lookaround and group flags are not supported; use (?:...) or (...)")
                }
                position += 2
            }
            depth += 1
            if depth > RegexParser.maxDepth { throw error("groups nest deeper than \(RegexParser.maxDepth)") }
            let inner = try alternation()
            guard peek() == ")" else { throw error("expected ')' to close the group") }
            position += 1
            depth -= 1
            return inner
        case "[": return .scalar(try characterClass())
        case "\\": return .scalar(try escape(inClass: false))
        default: return .scalar(.exactly(scalar))
        }
    }

    private mutating func escape(inClass: Bool) throws(RegexError) -> ScalarMatcher {
        guard let scalar = peek() else { throw error("pattern ends with '\\'") }
        position += 1
        switch scalar {
        case "d": return .set(ranges: RegexParser.digit, negated: false)
        case "D": return .set(ranges: RegexParser.digit, negated: true)
        case "w": return .set(ranges: RegexParser.word, negated: false)
        case "W": return .set(ranges: RegexParser.word, negated: true)
        case "s": return .set(ranges: RegexParser.space, negated: false)
        case "S": return .set(ranges: RegexParser.space, negated: true)
        case "n": return .exactly("\n")
        case "t": return .exactly("\t")
        default:
            if scalar.isASCIIDigit { throw RegexError(message: "backreferences are not supported", offset: position - 1) }
            if scalar.isIdentifierStart { throw RegexError(message: "unknown escape '\\\(scalar)'", offset: position - 1) }
            return .exactly(scalar)
        }
    }

    private mutating func characterClass() throws(RegexError) -> ScalarMatcher {
        var negated = false
        if peek() == "^" {
            negated = true
            position += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard let scalar = peek() else { throw error("expected ']' to close the character class") }
            if scalar == "]" && !first { position += 1; break }
            first = false
            position += 1
            var low: UInt32
            if scalar == "\\" {
                switch try escape(inClass: true) {
                case .exactly(let single): low = single.value
                case .set(let more, let negatedSet):
                    if negatedSet { throw error("negated escapes are not supported inside [...]") }
                    ranges += more
                    continue
                case .any: continue
                }
            } else {
                low = scalar.value
            }
            if peek() == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                var high = scalars[position].value
                position += 1
                if high == 0x5C, let escaped = peek() {
                    high = escaped.value
                    position += 1
                }
                if high < low { throw error("range out of order in character class") }
                ranges.append(low...high)
            } else {
                ranges.append(low...low)
            }
        }
        return .set(ranges: ranges, negated: negated)
    }

    static let digit: [ClosedRange<UInt32>] = [0x30...0x39]
    static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    static let space: [ClosedRange<UInt32>] = [0x09...0x0D, 0x20...0x20]
}
