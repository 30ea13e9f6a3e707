import Foundation
import KeycardCore

/// Rippling notifications posted as `application/x-www-form-urlencoded`. Fields (names are the error paths):
/// `event` (`employee.created`/`employee.hired` → hired, `employee.updated` → updated, `employee.terminated`/
/// `employee.deleted`/`employee.offboarded` → terminated), `event_id` (else derived from the body), `timestamp`,
/// `employee_id`, `work_email`, `first_name`, `last_name`, `title`, `department`, `team`, `employment_type`,
/// `start_date`, `manager_email`, `work_location`, `work_arrangement`, `termination_date`, `immediate` (`true`/`false`).
/// Any other field is kept as an extra text attribute.
public struct RipplingEventDecoder: EventDecoder {
    public let source = IntakeSource.rippling

    public init() {}

    static let events: [String: LifecycleEventType] = [
        "employee.created": .hired, "employee.hired": .hired, "employee.updated": .updated,
        "employee.terminated": .terminated, "employee.deleted": .terminated, "employee.offboarded": .terminated,
    ]
    static let fieldNames: [String: String] = [
        "employee_id": CanonicalAttribute.employeeID, "work_email": CanonicalAttribute.email,
        "first_name": CanonicalAttribute.firstName, "last_name": CanonicalAttribute.lastName,
        "title": CanonicalAttribute.jobTitle, "department": CanonicalAttribute.department, "team": CanonicalAttribute.team,
        "employment_type": CanonicalAttribute.employmentType, "start_date": CanonicalAttribute.startDate,
        "manager_email": CanonicalAttribute.managerEmail, "work_location": CanonicalAttribute.location,
        "work_arrangement": CanonicalAttribute.workArrangement, "termination_date": CanonicalAttribute.terminationDate,
    ]

    public func decode(body: Data, headers: [String: String]) -> [DecodedItem] {
        [DecodedItem(event(body), body: body)]
    }

    private func event(_ body: Data) -> Result<LifecycleEvent, ValidationFailure> {
        guard let text = String(validating: body, as: UTF8.self) else {
            return .failure(ValidationFailure([FieldError(path: "body", reason: "is not UTF-8 text; expected a form-encoded notification")]))
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            return .failure(ValidationFailure([FieldError(path: "body", reason: "is empty; expected a form-encoded notification")]))
        }
        let pairs: [(name: String, value: String)]
        switch FormURLEncoded.parse(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
        case .success(let parsed): pairs = parsed
        case .failure(let failure): return .failure(failure)
        }
        var form: [String: String] = [:]
        for pair in pairs { form[pair.name] = pair.value }

        var draft = VendorEventDraft()
        let type = form["event"].flatMap { Self.events[$0] }
        if type == nil {
            let expected = Self.events.keys.sorted().joined(separator: ", ")
            let found = form["event"].map { ValueDescription.quoted($0) } ?? "nothing"
            draft.errors.append(FieldError(path: "event", reason: "expected one of \(expected), found \(found)"))
        }
        draft.setType(type, from: "event")
        draft.setEventID(form["event_id"].map(JSONValue.string) ?? VendorValues.derivedEventID(source: source, body: body), from: "event_id")
        draft.setTimestamp(form["timestamp"].map(JSONValue.string), from: "timestamp")
        for (field, canonical) in Self.fieldNames {
            draft.set(canonical, form[field].map(JSONValue.string), from: field)
        }
        if let flag = form["immediate"] {
            switch flag.lowercased() {
            case "true", "1", "yes": draft.set(CanonicalAttribute.immediate, .bool(true), from: "immediate")
            case "false", "0", "no", "": draft.set(CanonicalAttribute.immediate, .bool(false), from: "immediate")
            default: draft.set(CanonicalAttribute.immediate, .string(flag), from: "immediate")
            }
        }
        let known = Set(Self.fieldNames.keys).union(["event", "event_id", "timestamp", "immediate"])
        for pair in pairs where !known.contains(pair.name) {
            draft.keep(pair.name, .string(pair.value), from: pair.name)
        }
        return draft.validate(source: source)
    }
}
