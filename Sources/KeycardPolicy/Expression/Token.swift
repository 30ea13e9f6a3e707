/// One lexical unit of a condition, with its position in the source.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier(String)
        case string(String)
        case int(Int)
        case double(Double)
        case symbol(Symbol)
        case end
    }

    /// Punctuation and operators of the language.
    enum Symbol: String, Sendable, Hashable {
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
        case comma = ",", dot = ".", not = "!", minus = "-"
        case and = "&&", or = "||"
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    var kind: Kind
    var start: Int
    var end: Int

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .identifier(let name): return "'\(name)'"
        case .string: return "a string"
        case .int(let value): return "'\(value)'"
        case .double(let value): return "'\(value)'"
        case .symbol(let symbol): return "'\(symbol.rawValue)'"
        case .end: return "end of condition"
        }
    }
}
