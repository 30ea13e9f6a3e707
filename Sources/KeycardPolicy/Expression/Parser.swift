/// Recursive-descent parser of the condition language; depth-bounded so hostile input cannot overflow the stack.
///
/// Grammar (lowest precedence first):
/// ```
/// or       := and ("||" and)*
/// and      := relation ("&&" relation)*
/// relation := unary (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in") unary)?
/// unary    := ("!" | "-") unary | postfix
/// postfix  := primary ("." NAME ("(" expression ")")?)*
/// primary  := literal | "[" (expression ("," expression)*)? "]" | "(" expression ")"
///           | "employee" | "has" "(" expression ")" | "date" "(" expression ")"
/// ```
public struct Parser {
    private let source: [Unicode.Scalar]
    private let tokens: [Token]
    private let limits: ExpressionLimits
    private var index = 0
    private var depth = 0

    /// Parses condition text into an expression tree (not yet type-checked).
    public static func parse(_ text: String, limits: ExpressionLimits = .standard) throws(ExpressionError) -> Expression {
        let source = Array(text.unicodeScalars)
        if source.count > limits.maxExpressionLength {
            throw ExpressionError(
                message: "condition is \(source.count) characters long; the limit is \(limits.maxExpressionLength)",
                offset: 0, source: source)
        }
        var parser = Parser(source: source, tokens: try Lexer.tokenize(source, limits: limits), limits: limits)
        let expression = try parser.parseOr()
        guard case .end = parser.current.kind else {
            throw parser.error("expected an operator ('&&', '||', '==', ...) or the end of the condition, found \(parser.current.display)")
        }
        return expression
    }

    private init(source: [Unicode.Scalar], tokens: [Token], limits: ExpressionLimits) {
        self.source = source
        self.tokens = tokens
        self.limits = limits
    }

    private var current: Token { tokens[index] }

    private func error(_ message: String, at offset: Int? = nil) -> ExpressionError {
        ExpressionError(message: message, offset: offset ?? current.start, source: source)
    }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isSymbol(_ symbol: Token.Symbol) -> Bool {
        if case .symbol(let found) = current.kind { return found == symbol }
        return false
    }

    private mutating func expect(_ symbol: Token.Symbol, _ context: String) throws(ExpressionError) -> Token {
        guard isSymbol(symbol) else { throw error("expected '\(symbol.rawValue)' \(context), found \(current.display)") }
        return advance()
    }

    private mutating func enter() throws(ExpressionError) {
        depth += 1
        if depth > limits.maxNestingDepth {
            throw error("condition nests deeper than \(limits.maxNestingDepth) levels")
        }
    }

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        let first = try parseAnd()
        var items = [first]
        while isSymbol(.or) {
            _ = advance()
            items.append(try parseAnd())
        }
        return items.count == 1 ? first : Expression(.or(items), start: first.start, end: items.last!.end)
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        let first = try parseRelation()
        var items = [first]
        while isSymbol(.and) {
            _ = advance()
            items.append(try parseRelation())
        }
        return items.count == 1 ? first : Expression(.and(items), start: first.start, end: items.last!.end)
    }

    private mutating func relationOperator() -> Expression.Comparison?? {
        switch current.kind {
        case .symbol(let symbol): return Expression.Comparison(rawValue: symbol.rawValue).map { .some($0) }
        case .identifier("in"): return .some(nil)
        default: return nil
        }
    }

    private mutating func parseRelation() throws(ExpressionError) -> Expression {
        let left = try parseUnary()
        guard let comparison = relationOperator() else { return left }
        _ = advance()
        if case .end = current.kind {
            throw error("expected a value after '\(comparison?.rawValue ?? "in")', found end of condition")
        }
        let right = try parseUnary()
        if relationOperator() != nil {
            throw error("comparisons do not chain: join them with '&&'")
        }
        if let comparison {
            return Expression(.compare(comparison, left, right), start: left.start, end: right.end)
        }
        return Expression(.member(left, of: right), start: left.start, end: right.end)
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        if isSymbol(.not) || isSymbol(.minus) {
            let token = advance()
            try enter()
            defer { depth -= 1 }
            let operand = try parseUnary()
            if case .symbol(.minus) = token.kind {
                switch operand.kind {
                case .literal(.int(let value)): return Expression(.literal(.int(-value)), start: token.start, end: operand.end)
                case .literal(.double(let value)): return Expression(.literal(.double(-value)), start: token.start, end: operand.end)
                default: return Expression(.negate(operand), start: token.start, end: operand.end)
                }
            }
            return Expression(.not(operand), start: token.start, end: operand.end)
        }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws(ExpressionError) -> Expression {
        var expression = try parsePrimary()
        while isSymbol(.dot) {
            _ = advance()
            guard case .identifier(let name) = current.kind else {
                throw error("expected an attribute or method name after '.', found \(current.display)")
            }
            let nameToken = advance()
            if isSymbol(.leftParen) {
                guard let method = Expression.StringMethod(rawValue: name) else {
                    throw error("unknown method '\(name)': expected one of contains, startsWith, endsWith, matches",
                                at: nameToken.start)
                }
                _ = advance()
                try enter()
                let argument = try parseOr()
                depth -= 1
                let close = try expect(.rightParen, "to close the call of \(name)")
                expression = Expression(.method(method, receiver: expression, argument: argument),
                                        start: expression.start, end: close.end)
            } else if expression.isEmployeeRoot {
                expression = Expression(.attribute(name), start: expression.start, end: nameToken.end)
            } else {
                throw error("expected '(' after '\(name)': only 'employee' has attributes", at: nameToken.start)
            }
        }
        if expression.isEmployeeRoot {
            throw error("expected '.' and an attribute name after 'employee'", at: expression.end)
        }
        return expression
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let token = current
        switch token.kind {
        case .string(let value):
            _ = advance()
            return Expression(.literal(.string(value)), start: token.start, end: token.end)
        case .int(let value):
            _ = advance()
            return Expression(.literal(.int(value)), start: token.start, end: token.end)
        case .double(let value):
            _ = advance()
            return Expression(.literal(.double(value)), start: token.start, end: token.end)
        case .symbol(.leftParen):
            _ = advance()
            try enter()
            defer { depth -= 1 }
            var inner = try parseOr()
            let close = try expect(.rightParen, "to close the '(' at column \(token.start + 1)")
            inner.start = token.start
            inner.end = close.end
            return inner
        case .symbol(.leftBracket):
            return try parseList()
        case .identifier(let name):
            _ = advance()
            switch name {
            case "true": return Expression(.literal(.bool(true)), start: token.start, end: token.end)
            case "false": return Expression(.literal(.bool(false)), start: token.start, end: token.end)
            case "null": return Expression(.literal(.null), start: token.start, end: token.end)
            case "employee": return Expression.employeeRoot(start: token.start, end: token.end)
            case "has", "date": return try parseFunction(name, token)
            default:
                throw error("unknown name '\(name)': conditions read attributes as employee.NAME", at: token.start)
            }
        case .end:
            throw error("expected a value, found end of condition")
        case .symbol(let symbol):
            throw error("expected a value, found '\(symbol.rawValue)'")
        }
    }

    private mutating func parseFunction(_ name: String, _ token: Token) throws(ExpressionError) -> Expression {
        _ = try expect(.leftParen, "after '\(name)'")
        try enter()
        defer { depth -= 1 }
        let argument = try parseOr()
        let close = try expect(.rightParen, "to close the call of \(name)")
        if name == "has" {
            guard case .attribute(let attribute) = argument.kind else {
                throw error("has() takes an attribute, as in has(employee.team)", at: argument.start)
            }
            return Expression(.has(attribute), start: token.start, end: close.end)
        }
        return Expression(.date(argument), start: token.start, end: close.end)
    }

    private mutating func parseList() throws(ExpressionError) -> Expression {
        let open = advance()
        try enter()
        defer { depth -= 1 }
        var items: [Expression] = []
        if !isSymbol(.rightBracket) {
            while true {
                items.append(try parseOr())
                if items.count > limits.maxListLength {
                    throw error("list has more than \(limits.maxListLength) elements")
                }
                guard isSymbol(.comma) else { break }
                _ = advance()
                if isSymbol(.rightBracket) { break }
            }
        }
        let close = try expect(.rightBracket, "or ',' in the list opened at column \(open.start + 1)")
        return Expression(.list(items), start: open.start, end: close.end)
    }
}

extension Expression {
    /// The bare `employee` identifier: only valid followed by `.NAME`.
    static func employeeRoot(start: Int, end: Int) -> Expression {
        Expression(.literal(.string("\u{0}employee")), start: start, end: end)
    }

    var isEmployeeRoot: Bool {
        if case .literal(.string("\u{0}employee")) = kind { return true }
        return false
    }
}
