import Foundation
import KeycardCore

/// Cuts a delivery into the bytes of its events: one JSON value, the elements of a top-level array, or JSON lines.
///
/// It only follows brackets and strings, never builds values, so every element keeps its own bytes and a broken
/// element does not take its neighbours down with it.
enum JSONBodySplitter {
    /// The outcome for a whole delivery: the byte ranges of its items, or one problem that rejects all of it.
    enum Outcome {
        /// The whole body is one item (its value is at `range`; an invalid item keeps the whole body).
        case single(Range<Int>)
        case items([Range<Int>])
        case rejected(FieldError)
    }

    static func split(_ bytes: [UInt8]) -> Outcome {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard let first = firstContent(bytes, from: start) else {
            return .rejected(FieldError(path: "body", reason: "is empty; expected a JSON event, an array of events or JSON lines"))
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .rejected(FieldError(path: "body", reason: "is not UTF-8 text; expected JSON"))
        }
        if bytes[first] == UInt8(ascii: "[") {
            guard let elements = arrayElements(bytes, openingAt: first) else { return .single(first..<trimmedEnd(bytes)) }
            if elements.isEmpty {
                return .rejected(FieldError(path: "body", reason: "is an empty array; expected at least one event"))
            }
            return .items(elements)
        }
        let end = trimmedEnd(bytes)
        guard bytes[first] == openBrace else { return .single(first..<end) }
        if let valueEnd = valueEnd(bytes, from: first) {
            if firstContent(bytes, from: valueEnd) == nil { return .single(first..<end) }
            return .items(lines(bytes, from: first))
        }
        let lineRanges = lines(bytes, from: first)
        if lineRanges.count > 1, lineRanges.allSatisfy({ bytes[$0.lowerBound] == openBrace }) {
            return .items(lineRanges)
        }
        return .single(first..<end)
    }

    /// How deeply the value in `range` nests arrays and objects.
    static func nestingDepth(_ bytes: [UInt8], in range: Range<Int>) -> Int {
        var depth = 0, deepest = 0, inString = false, escaped = false
        for index in range {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == backslash { escaped = true } else if byte == quote { inString = false }
                continue
            }
            switch byte {
            case quote: inString = true
            case openBrace, openBracket:
                depth += 1
                deepest = max(deepest, depth)
            case closeBrace, closeBracket: depth -= 1
            default: break
            }
        }
        return deepest
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func firstContent(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if !isSpace(bytes[index]) { return index }
            index += 1
        }
        return nil
    }

    private static func trimmedEnd(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        return end
    }

    /// The index just past the value starting at `start`, or nil when its brackets or string never close.
    private static func valueEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        let opening = bytes[start]
        if opening != openBrace && opening != openBracket && opening != quote {
            var index = start
            while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
            return index
        }
        var depth = 0, inString = false, escaped = false
        for index in start..<bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == backslash { escaped = true } else if byte == quote {
                    inString = false
                    if depth == 0 { return index + 1 }
                }
                continue
            }
            switch byte {
            case quote: inString = true
            case openBrace, openBracket: depth += 1
            case closeBrace, closeBracket:
                depth -= 1
                if depth <= 0 { return index + 1 }
            default: break
            }
        }
        return nil
    }

    /// The ranges of a top-level array's elements, or nil when the array is not well formed at its own level.
    private static func arrayElements(_ bytes: [UInt8], openingAt open: Int) -> [Range<Int>]? {
        var elements: [Range<Int>] = []
        var depth = 0, inString = false, escaped = false
        var elementStart: Int?
        var lastContent = open
        var closedAt: Int?
        scan: for index in open..<bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == backslash { escaped = true } else if byte == quote { inString = false }
                lastContent = index
                continue
            }
            if isSpace(byte) { continue }
            switch byte {
            case openBrace, openBracket:
                depth += 1
                if depth == 2, elementStart == nil { elementStart = index }
            case closeBrace, closeBracket:
                if depth == 1 {
                    guard byte == closeBracket else { return nil }
                    if let start = elementStart { elements.append(start..<(lastContent + 1)) }
                    else if !elements.isEmpty { return nil }
                    closedAt = index
                    break scan
                }
                depth -= 1
            case comma where depth == 1:
                guard let start = elementStart else { return nil }
                elements.append(start..<(lastContent + 1))
                elementStart = nil
                continue scan
            default:
                if byte == quote { inString = true }
                if depth == 1, elementStart == nil { elementStart = index }
            }
            lastContent = index
        }
        guard let closedAt, firstContent(bytes, from: closedAt + 1) == nil else { return nil }
        return elements
    }

    private static func lines(_ bytes: [UInt8], from start: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var lineStart = start
        for index in start...bytes.count where index == bytes.count || bytes[index] == newline {
            var lower = lineStart, upper = index
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            if lower < upper { ranges.append(lower..<upper) }
            lineStart = index + 1
        }
        return ranges
    }
}
