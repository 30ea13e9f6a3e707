import Foundation
import KeycardCore

/// Checks the `data` object of an event: required attributes for its type, types, emails, dates, and their order.
struct DataAttributeChecker {
    let type: LifecycleEventType?
    private(set) var attributes: [String: AttributeValue] = [:]
    private(set) var errors: [FieldError] = []

    init(type: LifecycleEventType?) {
        self.type = type
    }

    static func requiredAttributes(for type: LifecycleEventType?) -> [String] {
        switch type {
        case .hired?: return CanonicalAttribute.requiredForHire
        case .terminated?: return [CanonicalAttribute.employeeID, CanonicalAttribute.terminationDate]
        case .updated?, nil: return [CanonicalAttribute.employeeID]
        }
    }

    private static let textAttributes = Set(CanonicalAttribute.all).subtracting([CanonicalAttribute.immediate])
    private static let emailAttributes: Set = [CanonicalAttribute.email, CanonicalAttribute.managerEmail]

    mutating func check(_ data: [String: JSONValue]) {
        let required = Self.requiredAttributes(for: type)
        let needs = type.map { "an \($0.rawValue) event needs it" } ?? "every event needs it"
        for name in CanonicalAttribute.all {
            let path = "data." + name
            let value = data[name]
            let isRequired = required.contains(name)
            switch value {
            case nil, .null?:
                if isRequired { errors.append(FieldError(path: path, reason: "missing; \(needs)")) }
                else if value != nil { attributes[name] = .null }
            case let value?:
                if name == CanonicalAttribute.immediate { checkFlag(value, path: path) }
                else { checkText(name, value, path: path) }
            }
        }
        checkTerminationAfterStart()
        var extras = ExtraAttributes()
        for (name, value) in data.sorted(by: { $0.key < $1.key }) where !Self.textAttributes.contains(name) && name != CanonicalAttribute.immediate {
            extras.add(name: name, value: value, path: "data." + name)
        }
        errors += extras.errors
        attributes.merge(extras.attributes) { canonical, _ in canonical }
    }

    private mutating func checkFlag(_ value: JSONValue, path: String) {
        guard case .bool(let flag) = value else {
            errors.append(FieldError(path: path, reason: "expected a boolean, found \(ValueDescription.found(value))"))
            return
        }
        attributes[CanonicalAttribute.immediate] = .bool(flag)
    }

    private mutating func checkText(_ name: String, _ value: JSONValue, path: String) {
        guard case .string(let text) = value else {
            errors.append(FieldError(path: path, reason: "expected a string, found \(ValueDescription.found(value))"))
            return
        }
        let problems = TextRules.problems(of: text, identifier: name == CanonicalAttribute.employeeID)
        if !problems.isEmpty {
            errors += problems.map { FieldError(path: path, reason: $0) }
            return
        }
        if let problem = formatProblem(name, text) {
            errors.append(FieldError(path: path, reason: problem))
            return
        }
        attributes[name] = .string(text)
    }

    private func formatProblem(_ name: String, _ text: String) -> String? {
        if Self.emailAttributes.contains(name), !EmailAddress.isValid(text) {
            return "\(ValueDescription.quoted(text)) is not an email address like name@company.com"
        }
        if name == CanonicalAttribute.startDate, Timestamps.parseDate(text) == nil {
            return "\(ValueDescription.quoted(text)) is not a calendar date like 2024-02-01 (YYYY-MM-DD)"
        }
        if name == CanonicalAttribute.terminationDate, Timestamps.parseInstant(text) == nil {
            return "\(ValueDescription.quoted(text)) is not a date (YYYY-MM-DD) or an ISO 8601 instant"
        }
        return nil
    }

    private mutating func checkTerminationAfterStart() {
        guard let startText = attributes[CanonicalAttribute.startDate]?.stringValue,
              let terminationText = attributes[CanonicalAttribute.terminationDate]?.stringValue,
              let start = Timestamps.parseDate(startText),
              let termination = Timestamps.parseInstant(terminationText),
              termination < start
        else { return }
        errors.append(FieldError(
            path: "data." + CanonicalAttribute.terminationDate,
            reason: "\(terminationText) is before start_date \(startText); an employee cannot leave before they start"))
    }
}
