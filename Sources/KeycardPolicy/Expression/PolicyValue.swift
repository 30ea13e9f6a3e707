import Foundation
import KeycardCore

/// A value of the condition language at run time.
public enum PolicyValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    /// A calendar date or instant.
    case date(Date)
    case list([PolicyValue])
    /// An absent attribute.
    case null

    /// Converts an employee attribute; integral doubles become ints so `==` and index lookups agree.
    public init(_ attribute: AttributeValue) {
        switch attribute {
        case .string(let value): self = .string(value)
        case .int(let value): self = .int(value)
        case .bool(let value): self = .bool(value)
        case .double(let value): self = PolicyValue.number(value)
        case .list(let values): self = .list(values.map(PolicyValue.init))
        case .null: self = .null
        }
    }

    static func number(_ value: Double) -> PolicyValue {
        if value.rounded() == value, abs(value) < 1e15 { return .int(Int(value)) }
        return .double(value)
    }

    public var description: String {
        switch self {
        case .string(let value): return "\"" + value + "\""
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .bool(let value): return String(value)
        case .date(let value): return "date(\"\(Timestamps.formatDate(value))\")"
        case .list(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .null: return "null"
        }
    }

    /// The value as a date: a date itself, or a string holding an ISO date or instant.
    var asDate: Date? {
        switch self {
        case .date(let value): return value
        case .string(let text): return Timestamps.parseInstant(text)
        default: return nil
        }
    }
}
