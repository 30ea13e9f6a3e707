/// A checked condition lowered for fast evaluation: attributes read by slot number, `in` lists as hash sets.
indirect enum ConditionProgram: Sendable {
    case constant(PolicyValue)
    case slot(Int)
    case has(Int)
    case list([ConditionProgram])
    case date(ConditionProgram)
    case not(ConditionProgram)
    case negate(ConditionProgram)
    case and([ConditionProgram])
    case or([ConditionProgram])
    case compare(Expression.Comparison, ConditionProgram, ConditionProgram)
    /// `employee.x == literal` on a hashable literal.
    case slotEquals(Int, PolicyValue)
    /// `employee.x in [literals]` on hashable literals.
    case slotIn(Int, Set<PolicyValue>)
    case member(ConditionProgram, ConditionProgram)
    case method(Expression.StringMethod, ConditionProgram, ConditionProgram)
    case matches(ConditionProgram, SafeRegex)

    /// Lowers a type-checked expression; `slot` numbers each attribute name.
    static func lower(_ expression: Expression, slot: (String) -> Int) -> ConditionProgram {
        switch expression.kind {
        case .literal(let value): return .constant(value)
        case .attribute(let name): return .slot(slot(name))
        case .has(let name): return .has(slot(name))
        case .list(let items):
            let lowered = items.map { lower($0, slot: slot) }
            let constants = lowered.compactMap { item -> PolicyValue? in
                if case .constant(let value) = item { return value }
                return nil
            }
            return constants.count == lowered.count ? .constant(.list(constants)) : .list(lowered)
        case .date(let argument):
            let lowered = lower(argument, slot: slot)
            if case .constant(let value) = lowered, let date = value.asDate { return .constant(.date(date)) }
            return .date(lowered)
        case .not(let operand): return .not(lower(operand, slot: slot))
        case .negate(let operand): return .negate(lower(operand, slot: slot))
        case .and(let items): return .and(items.map { lower($0, slot: slot) })
        case .or(let items): return .or(items.map { lower($0, slot: slot) })
        case .compare(let comparison, let left, let right):
            let lowLeft = lower(left, slot: slot)
            let lowRight = lower(right, slot: slot)
            if comparison == .equal {
                if case .slot(let index) = lowLeft, case .constant(let value) = lowRight, value.isIndexable {
                    return .slotEquals(index, value)
                }
                if case .slot(let index) = lowRight, case .constant(let value) = lowLeft, value.isIndexable {
                    return .slotEquals(index, value)
                }
            }
            return .compare(comparison, lowLeft, lowRight)
        case .member(let element, let list):
            let lowElement = lower(element, slot: slot)
            let lowList = lower(list, slot: slot)
            if case .slot(let index) = lowElement, case .constant(.list(let values)) = lowList,
               values.allSatisfy(\.isIndexable) {
                return .slotIn(index, Set(values))
            }
            return .member(lowElement, lowList)
        case .method(let method, let receiver, let argument):
            if method == .matches, case .literal(.string(let pattern)) = argument.kind,
               let regex = try? SafeRegex(pattern, maxLength: Int.max) {
                return .matches(lower(receiver, slot: slot), regex)
            }
            return .method(method, lower(receiver, slot: slot), lower(argument, slot: slot))
        }
    }
}

extension PolicyValue {
    /// Strings, ints and bools: values whose `==` is exactly hash equality, so they can key an index.
    var isIndexable: Bool {
        switch self {
        case .string, .int, .bool: return true
        default: return false
        }
    }
}
