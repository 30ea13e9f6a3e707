/// A parsed condition: a tree of nodes, each remembering the span of source text it came from.
public struct Expression: Sendable {
    /// Comparison operators.
    public enum Comparison: String, Sendable, Hashable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    /// String methods callable on a string value.
    public enum StringMethod: String, Sendable, Hashable, CaseIterable {
        case contains, startsWith, endsWith, matches
    }

    /// The node's kind and children.
    public indirect enum Kind: Sendable {
        case literal(PolicyValue)
        case list([Expression])
        /// `employee.NAME`.
        case attribute(String)
        /// `has(employee.NAME)`.
        case has(String)
        /// `date("YYYY-MM-DD")` or `date(employee.NAME)`.
        case date(Expression)
        case not(Expression)
        case negate(Expression)
        case and([Expression])
        case or([Expression])
        case compare(Comparison, Expression, Expression)
        case member(Expression, of: Expression)
        case method(StringMethod, receiver: Expression, argument: Expression)
    }

    public var kind: Kind
    /// Scalar offsets of the node's text in the condition.
    public var start: Int
    public var end: Int

    public init(_ kind: Kind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// The direct sub-expressions, in source order.
    public var children: [Expression] {
        switch kind {
        case .literal, .attribute, .has: return []
        case .list(let items), .and(let items), .or(let items): return items
        case .date(let inner), .not(let inner), .negate(let inner): return [inner]
        case .compare(_, let left, let right): return [left, right]
        case .member(let element, let list): return [element, list]
        case .method(_, let receiver, let argument): return [receiver, argument]
        }
    }

    /// Every attribute the expression reads, including through `has`.
    public var attributes: Set<String> {
        var names = Set<String>()
        collectAttributes(into: &names)
        return names
    }

    private func collectAttributes(into names: inout Set<String>) {
        switch kind {
        case .attribute(let name), .has(let name): names.insert(name)
        default: for child in children { child.collectAttributes(into: &names) }
        }
    }
}
