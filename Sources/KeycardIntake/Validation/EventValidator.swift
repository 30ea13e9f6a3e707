import Foundation
import KeycardCore

/// Checks a canonical event object and reports every problem at once, each with its field path and reason.
///
/// Paths are relative to the event: `event_id`, `timestamp`, `data.start_date`. It never traps, whatever the input.
public struct EventValidator: Sendable {
    public init() {}

    /// Validates the JSON bytes of one canonical event.
    public func validate(eventJSON: Data, source: IntakeSource = .canonical) -> Result<LifecycleEvent, ValidationFailure> {
        let bytes = [UInt8](eventJSON)
        switch JSONItemParser.parse(bytes, range: 0..<bytes.count) {
        case .success(let value): return validate(value, source: source)
        case .failure(let failure): return .failure(failure)
        }
    }

    func validate(_ item: JSONValue, source: IntakeSource) -> Result<LifecycleEvent, ValidationFailure> {
        guard case .object(let root) = item else {
            return .failure(ValidationFailure([
                FieldError(path: "body", reason: "expected an event object, found \(ValueDescription.found(item))"),
            ]))
        }
        var errors: [FieldError] = []
        let type = eventType(root["event_type"], errors: &errors)
        let eventID = identifier(root["event_id"], path: "event_id", errors: &errors)
        let timestamp = instant(root["timestamp"], errors: &errors)
        var attributes: [String: AttributeValue] = [:]
        switch root["data"] {
        case .object(let data)?:
            var checker = DataAttributeChecker(type: type)
            checker.check(data)
            attributes = checker.attributes
            errors += checker.errors
        case nil, .null?:
            errors.append(FieldError(path: "data", reason: "missing; expected an object with the employee's attributes"))
        case let other?:
            errors.append(FieldError(path: "data", reason: "expected an object, found \(ValueDescription.found(other))"))
        }
        guard errors.isEmpty, let type, let eventID, let timestamp,
              let employeeID = attributes[CanonicalAttribute.employeeID]?.stringValue,
              let effectiveAt = effectiveTime(type: type, timestamp: timestamp, attributes: attributes)
        else {
            if errors.isEmpty { errors.append(FieldError(path: "body", reason: "could not be read as an event")) }
            return .failure(ValidationFailure(errors))
        }
        return .success(LifecycleEvent(
            eventID: eventID, type: type, timestamp: timestamp, employeeID: employeeID,
            effectiveAt: effectiveAt, data: attributes, source: source.rawValue))
    }

    private func eventType(_ value: JSONValue?, errors: inout [FieldError]) -> LifecycleEventType? {
        let valid = LifecycleEventType.allCases.map(\.rawValue).joined(separator: ", ")
        switch value {
        case nil, .null?:
            errors.append(FieldError(path: "event_type", reason: "missing; expected one of \(valid)"))
        case .string(let text)?:
            if let type = LifecycleEventType(rawValue: text) { return type }
            errors.append(FieldError(
                path: "event_type", reason: "unknown event type \(ValueDescription.quoted(text)); expected one of \(valid)"))
        case let other?:
            errors.append(FieldError(
                path: "event_type", reason: "expected a string (one of \(valid)), found \(ValueDescription.found(other))"))
        }
        return nil
    }

    private func identifier(_ value: JSONValue?, path: String, errors: inout [FieldError]) -> String? {
        guard let text = FieldReader.string(value, path: path, required: true, errors: &errors) else { return nil }
        let problems = TextRules.problems(of: text, identifier: true)
        errors += problems.map { FieldError(path: path, reason: $0) }
        return problems.isEmpty ? text : nil
    }

    private func instant(_ value: JSONValue?, errors: inout [FieldError]) -> Date? {
        guard let text = FieldReader.string(value, path: "timestamp", required: true, errors: &errors) else { return nil }
        if text.count <= 64, Timestamps.parseDate(text) == nil, let date = Timestamps.parseInstant(text) { return date }
        errors.append(FieldError(
            path: "timestamp", reason: "\(ValueDescription.quoted(text)) is not an ISO 8601 instant like 2024-01-15T09:00:00Z"))
        return nil
    }

    private func effectiveTime(type: LifecycleEventType, timestamp: Date, attributes: [String: AttributeValue]) -> Date? {
        switch type {
        case .hired:
            return attributes[CanonicalAttribute.startDate]?.stringValue.flatMap(Timestamps.parseDate)
        case .terminated:
            return attributes[CanonicalAttribute.terminationDate]?.stringValue.flatMap(Timestamps.parseInstant)
        case .updated:
            return timestamp
        }
    }
}

/// Reads a field that must be a string, recording "missing" or "wrong type" errors.
enum FieldReader {
    static func string(_ value: JSONValue?, path: String, required: Bool, errors: inout [FieldError]) -> String? {
        switch value {
        case .string(let text)?: return text
        case nil, .null?:
            if required { errors.append(FieldError(path: path, reason: "missing")) }
        case let other?:
            errors.append(FieldError(path: path, reason: "expected a string, found \(ValueDescription.found(other))"))
        }
        return nil
    }
}
