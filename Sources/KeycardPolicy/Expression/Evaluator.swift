import Foundation

/// Evaluates lowered conditions against an employee's attribute slots.
///
/// Semantics: a missing attribute is `null`; comparisons with a value of another type are false
/// (`!=` true); a string attribute compared with a date is read as an ISO date; `!` of a non-bool
/// is not true; a condition holds only when it evaluates to `true`. `contains` compares UTF-8 code
/// units (no Unicode normalization).
extension ConditionProgram {
    func holds(_ slots: [PolicyValue]) -> Bool {
        switch self {
        case .slotEquals(let index, let value): return slots[index] == value
        case .slotIn(let index, let values): return values.contains(slots[index])
        case .and(let items):
            for item in items where !item.holds(slots) { return false }
            return true
        case .or(let items):
            for item in items where item.holds(slots) { return true }
            return false
        case .not(let operand):
            if case .bool(let value) = operand.value(slots) { return !value }
            return false
        case .compare(let comparison, let left, let right):
            return Self.compare(comparison, left.value(slots), right.value(slots))
        case .has(let index):
            if case .null = slots[index] { return false }
            return true
        case .matches(let receiver, let regex):
            guard case .string(let text) = receiver.value(slots) else { return false }
            return regex.matches(text)
        default:
            if case .bool(true) = value(slots) { return true }
            return false
        }
    }

    func value(_ slots: [PolicyValue]) -> PolicyValue {
        switch self {
        case .constant(let value): return value
        case .slot(let index): return slots[index]
        case .list(let items): return .list(items.map { $0.value(slots) })
        case .date(let argument): return argument.value(slots).asDate.map(PolicyValue.date) ?? .null
        case .negate(let operand):
            switch operand.value(slots) {
            case .int(let value): return .int(0 &- value)
            case .double(let value): return .double(-value)
            default: return .null
            }
        case .not(let operand):
            if case .bool(let value) = operand.value(slots) { return .bool(!value) }
            return .null
        case .member(let element, let list):
            let needle = element.value(slots)
            guard case .list(let values) = list.value(slots) else { return .bool(false) }
            return .bool(values.contains { Self.equal(needle, $0) })
        case .method(let method, let receiver, let argument):
            guard case .string(let text) = receiver.value(slots), case .string(let other) = argument.value(slots) else {
                return .bool(false)
            }
            switch method {
            case .contains: return .bool(Self.contains(text, other))
            case .startsWith: return .bool(text.hasPrefix(other))
            case .endsWith: return .bool(text.hasSuffix(other))
            case .matches: return .bool((try? SafeRegex(other))?.matches(text) ?? false)
            }
        case .slotEquals, .slotIn, .and, .or, .compare, .has, .matches:
            return .bool(holds(slots))
        }
    }

    /// Substring test on UTF-8 code units (no Unicode normalization), without allocating.
    static func contains(_ text: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard pattern.count <= haystack.count else { return false }
                let first = pattern[0]
                var start = 0
                while start <= haystack.count - pattern.count {
                    if haystack[start] == first {
                        var offset = 1
                        while offset < pattern.count, haystack[start + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    static func equal(_ left: PolicyValue, _ right: PolicyValue) -> Bool {
        switch (left, right) {
        case (.int(let a), .double(let b)): return Double(a) == b
        case (.double(let a), .int(let b)): return a == Double(b)
        case (.date(let a), .string), (.string, .date(let a)):
            let other = if case .date = left { right } else { left }
            return other.asDate == a
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        default: return left == right
        }
    }

    static func compare(_ comparison: Expression.Comparison, _ left: PolicyValue, _ right: PolicyValue) -> Bool {
        switch comparison {
        case .equal: return equal(left, right)
        case .notEqual: return !equal(left, right)
        default: break
        }
        guard let order = order(left, right) else { return false }
        switch comparison {
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        default: return order >= 0
        }
    }

    /// -1, 0 or 1, or nil when the values have no order between them.
    static func order(_ left: PolicyValue, _ right: PolicyValue) -> Int? {
        func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch (left, right) {
        case (.int(let a), .int(let b)): return sign(a, b)
        case (.int(let a), .double(let b)): return sign(Double(a), b)
        case (.double(let a), .int(let b)): return sign(a, Double(b))
        case (.double(let a), .double(let b)): return sign(a, b)
        case (.string(let a), .string(let b)): return sign(a, b)
        case (.date, _), (_, .date):
            guard let a = left.asDate, let b = right.asDate else { return nil }
            return sign(a, b)
        default: return nil
        }
    }
}
