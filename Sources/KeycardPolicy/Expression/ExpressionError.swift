/// A condition that cannot be parsed or type-checked: where (line, column, caret) and what was expected.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// Offset of the problem in the condition, in Unicode scalars.
    public var offset: Int
    public var line: Int
    public var column: Int
    /// The condition's line holding the problem, and a caret under the spot.
    public var sourceLine: String
    public var caretLine: String

    public init(message: String, offset: Int, source: [Unicode.Scalar]) {
        self.message = message
        self.offset = offset
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, source.count) where source[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        var lineEnd = lineStart
        while lineEnd < source.count, source[lineEnd] != "\n" { lineEnd += 1 }
        self.line = line
        self.column = offset - lineStart + 1
        let shown = source[lineStart..<lineEnd].prefix(160)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: shown)
        self.sourceLine = String(text)
        self.caretLine = String(repeating: " ", count: min(offset - lineStart, 160)) + "^"
    }

    public var description: String {
        "line \(line), column \(column): \(message)\n  \(sourceLine)\n  \(caretLine)"
    }
}
