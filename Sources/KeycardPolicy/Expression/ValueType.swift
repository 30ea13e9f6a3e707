/// The static type of an expression; `dynamic` is an employee attribute whose type is known only at run time.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case string, int, double, bool, date, null, dynamic
    case list(ValueType)

    public var description: String {
        switch self {
        case .string: return "string"
        case .int: return "int"
        case .double: return "double"
        case .bool: return "bool"
        case .date: return "date"
        case .null: return "null"
        case .dynamic: return "attribute value"
        case .list(let element): return "list of \(element)"
        }
    }

    var isNumber: Bool { self == .int || self == .double }

    /// Whether `==` between the two types can ever be true.
    func isComparable(with other: ValueType) -> Bool {
        if self == .dynamic || other == .dynamic || self == .null || other == .null { return true }
        if isNumber && other.isNumber { return true }
        if case .list(let left) = self, case .list(let right) = other { return left.isComparable(with: right) }
        return self == other
    }

    /// Whether `<`, `<=`, `>`, `>=` are defined between the two types.
    func isOrderable(with other: ValueType) -> Bool {
        let orderable: Set<ValueType> = [.string, .int, .double, .date, .dynamic]
        guard orderable.contains(self), orderable.contains(other) else { return false }
        if self == .dynamic || other == .dynamic { return true }
        if isNumber && other.isNumber { return true }
        return self == other
    }
}
