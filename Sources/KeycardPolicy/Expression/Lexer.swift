/// Splits condition text into tokens; rejects unknown characters, unterminated or oversized literals.
struct Lexer {
    let source: [Unicode.Scalar]
    let limits: ExpressionLimits
    private var position = 0

    init(source: [Unicode.Scalar], limits: ExpressionLimits) {
        self.source = source
        self.limits = limits
    }

    static func tokenize(_ source: [Unicode.Scalar], limits: ExpressionLimits) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(source: source, limits: limits)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if case .end = token.kind { return tokens }
        }
    }

    private func error(_ message: String, at offset: Int) -> ExpressionError {
        ExpressionError(message: message, offset: offset, source: source)
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < source.count ? source[position + ahead] : nil
    }

    mutating func next() throws(ExpressionError) -> Token {
        while let scalar = peek(), scalar.properties.isWhitespace { position += 1 }
        let start = position
        guard let scalar = peek() else { return Token(kind: .end, start: start, end: start) }
        if scalar == "\"" || scalar == "'" { return try string(quote: scalar) }
        if scalar.isASCIIDigit { return try number() }
        if scalar.isIdentifierStart {
            while let next = peek(), next.isIdentifierStart || next.isASCIIDigit { position += 1 }
            var name = String.UnicodeScalarView()
            name.append(contentsOf: source[start..<position])
            return Token(kind: .identifier(String(name)), start: start, end: position)
        }
        let two = peek(1).map { String(scalar) + String($0) } ?? ""
        if let symbol = Token.Symbol(rawValue: two), two.count == 2 {
            position += 2
            return Token(kind: .symbol(symbol), start: start, end: position)
        }
        if let symbol = Token.Symbol(rawValue: String(scalar)) {
            position += 1
            return Token(kind: .symbol(symbol), start: start, end: position)
        }
        if scalar == "=" { throw error("unexpected '=': use '==' to compare", at: start) }
        if scalar == "&" { throw error("unexpected '&': use '&&' for 'and'", at: start) }
        if scalar == "|" { throw error("unexpected '|': use '||' for 'or'", at: start) }
        throw error("unexpected character '\(scalar.escaped(asASCII: true))'", at: start)
    }

    private mutating func string(quote: Unicode.Scalar) throws(ExpressionError) -> Token {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        var length = 0
        while true {
            guard let scalar = peek() else {
                throw error("unterminated string: expected a closing \(quote)", at: start)
            }
            position += 1
            if scalar == quote { break }
            if scalar == "\n" { throw error("unterminated string: expected a closing \(quote) before the line ends", at: start) }
            length += 1
            if length > limits.maxLiteralLength {
                throw error("string literal longer than \(limits.maxLiteralLength) characters", at: start)
            }
            if scalar == "\\" {
                guard let escaped = peek() else { throw error("unterminated string: expected a closing \(quote)", at: start) }
                position += 1
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "\\", "\"", "'": value.append(escaped)
                default: value.append("\\"); value.append(escaped)
                }
            } else {
                value.append(scalar)
            }
        }
        return Token(kind: .string(String(value)), start: start, end: position)
    }

    private mutating func number() throws(ExpressionError) -> Token {
        let start = position
        while let scalar = peek(), scalar.isASCIIDigit { position += 1 }
        var isDouble = false
        if peek() == ".", let after = peek(1), after.isASCIIDigit {
            isDouble = true
            position += 1
            while let scalar = peek(), scalar.isASCIIDigit { position += 1 }
        }
        if let scalar = peek(), scalar.isIdentifierStart {
            throw error("unexpected '\(scalar)' after a number", at: position)
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: source[start..<position])
        let literal = String(text)
        if position - start > 40 { throw error("number literal too long", at: start) }
        if isDouble, let value = Double(literal) { return Token(kind: .double(value), start: start, end: position) }
        guard let value = Int(literal) else { throw error("integer \(literal) is too large", at: start) }
        return Token(kind: .int(value), start: start, end: position)
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isIdentifierStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
}
