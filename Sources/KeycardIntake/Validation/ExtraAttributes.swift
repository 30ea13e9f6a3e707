import Foundation
import KeycardCore

/// Keeps the attributes of `data` that are not canonical: nested objects become dotted names (`address.city`).
struct ExtraAttributes {
    static let maximumCount = 256
    static let maximumNameLength = 128
    static let maximumTextLength = 4096

    private(set) var attributes: [String: AttributeValue] = [:]
    private(set) var errors: [FieldError] = []

    mutating func add(name: String, value: JSONValue, path: String) {
        guard checkName(name, path: path) else { return }
        if case .object(let members) = value {
            for (member, memberValue) in members.sorted(by: { $0.key < $1.key }) {
                add(name: name + "." + member, value: memberValue, path: path + "." + member)
            }
            return
        }
        if attributes.count == Self.maximumCount {
            errors.append(FieldError(path: "data", reason: "has more than \(Self.maximumCount) extra attributes"))
            return
        }
        attributes[name] = convert(value, path: path)
    }

    private mutating func checkName(_ name: String, path: String) -> Bool {
        if name.count > Self.maximumNameLength {
            errors.append(FieldError(
                path: "data", reason: "has an attribute name \(name.count) characters long; at most \(Self.maximumNameLength) are allowed"))
            return false
        }
        if name.unicodeScalars.contains(where: TextRules.isForbiddenInIdentifier) {
            errors.append(FieldError(
                path: "data", reason: "has an attribute name with a control character: \(ValueDescription.quoted(name))"))
            return false
        }
        return true
    }

    private mutating func convert(_ value: JSONValue, path: String) -> AttributeValue {
        switch value {
        case .string(let text):
            if text.count > Self.maximumTextLength {
                errors.append(FieldError(
                    path: path, reason: "is \(text.count) characters long; at most \(Self.maximumTextLength) are allowed"))
            }
            return .string(text)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .array(let elements):
            return .list(elements.enumerated().map { convert($0.element, path: "\(path)[\($0.offset)]") })
        case .object:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let text = (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
            return convert(.string(text), path: path)
        }
    }
}
