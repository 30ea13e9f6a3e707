/// Checks a parsed condition: operand types, method receivers, literal dates and regex patterns.
public struct TypeChecker {
    private let source: [Unicode.Scalar]
    private let limits: ExpressionLimits

    /// Checks that `expression` (parsed from `text`) is a well-typed boolean condition.
    public static func check(_ expression: Expression, source text: String, limits: ExpressionLimits = .standard) throws(ExpressionError) {
        let checker = TypeChecker(source: Array(text.unicodeScalars), limits: limits)
        let type = try checker.type(of: expression)
        guard type == .bool || type == .dynamic else {
            throw checker.error("a condition must be true or false, but this is a \(type)", at: expression)
        }
    }

    private func error(_ message: String, at expression: Expression) -> ExpressionError {
        ExpressionError(message: message, offset: expression.start, source: source)
    }

    private func requireBool(_ expression: Expression, _ context: String) throws(ExpressionError) {
        let type = try type(of: expression)
        guard type == .bool || type == .dynamic else {
            throw error("\(context) expects true or false, found a \(type)", at: expression)
        }
    }

    func type(of expression: Expression) throws(ExpressionError) -> ValueType {
        switch expression.kind {
        case .literal(let value): return Self.type(of: value)
        case .attribute: return .dynamic
        case .has: return .bool
        case .list(let items):
            var element: ValueType?
            for item in items {
                let itemType = try type(of: item)
                if let known = element, known != itemType, !(known.isNumber && itemType.isNumber) {
                    if !known.isComparable(with: itemType) {
                        throw error("a list holds one type: found a \(itemType) among \(known) values", at: item)
                    }
                    element = .dynamic
                } else if element == nil {
                    element = itemType
                }
            }
            return .list(element ?? .dynamic)
        case .date(let argument):
            let argumentType = try type(of: argument)
            if case .literal(.string(let text)) = argument.kind {
                guard PolicyValue.string(text).asDate != nil else {
                    throw error("date(\"\(text)\") is not a date: expected YYYY-MM-DD or an ISO 8601 instant", at: argument)
                }
            } else if argumentType != .dynamic {
                throw error("date() takes a string like \"2024-01-31\" or an attribute, found a \(argumentType)", at: argument)
            }
            return .date
        case .not(let operand):
            try requireBool(operand, "'!'")
            return .bool
        case .negate(let operand):
            let operandType = try type(of: operand)
            guard operandType.isNumber || operandType == .dynamic else {
                throw error("'-' expects a number, found a \(operandType)", at: operand)
            }
            return operandType
        case .and(let items), .or(let items):
            let name = if case .and = expression.kind { "'&&'" } else { "'||'" }
            for item in items { try requireBool(item, name) }
            return .bool
        case .compare(let comparison, let left, let right):
            let leftType = try type(of: left)
            let rightType = try type(of: right)
            switch comparison {
            case .equal, .notEqual:
                guard leftType.isComparable(with: rightType) else {
                    throw error("cannot compare a \(leftType) with a \(rightType) using '\(comparison.rawValue)'", at: right)
                }
            default:
                guard leftType.isOrderable(with: rightType) else {
                    let hint = (leftType == .string || rightType == .string) && (leftType == .date || rightType == .date)
                        ? " (write the date as date(\"YYYY-MM-DD\"))" : ""
                    throw error("cannot order a \(leftType) and a \(rightType) with '\(comparison.rawValue)'\(hint)", at: right)
                }
            }
            return .bool
        case .member(let element, let list):
            let elementType = try type(of: element)
            switch try type(of: list) {
            case .list(let itemType):
                guard elementType.isComparable(with: itemType) else {
                    throw error("'in' looks for a \(elementType) in a list of \(itemType) values", at: list)
                }
            case .dynamic: break
            case let other: throw error("'in' expects a list on its right, found a \(other)", at: list)
            }
            return .bool
        case .method(let method, let receiver, let argument):
            let receiverType = try type(of: receiver)
            guard receiverType == .string || receiverType == .dynamic else {
                throw error("\(method.rawValue)() is a string method, called on a \(receiverType)", at: receiver)
            }
            let argumentType = try type(of: argument)
            if method == .matches, !argument.isStringLiteral {
                throw error("matches() takes a string literal pattern", at: argument)
            }
            guard argumentType == .string || (argumentType == .dynamic && method != .matches) else {
                throw error("\(method.rawValue)() takes a string argument, found a \(argumentType)", at: argument)
            }
            if method == .matches {
                guard case .literal(.string(let pattern)) = argument.kind else {
                    throw error("matches() takes a string literal pattern", at: argument)
                }
                do {
                    _ = try SafeRegex(pattern, maxLength: limits.maxPatternLength)
                } catch {
                    throw self.error("invalid pattern: \(error)", at: argument)
                }
            }
            return .bool
        }
    }

    static func type(of value: PolicyValue) -> ValueType {
        switch value {
        case .string: return .string
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .date: return .date
        case .null: return .null
        case .list(let values): return .list(values.first.map(type(of:)) ?? .dynamic)
        }
    }
}

extension Expression {
    var isStringLiteral: Bool {
        if case .literal(.string) = kind { return true }
        return false
    }
}
