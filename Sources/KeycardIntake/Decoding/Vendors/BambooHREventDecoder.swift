import Foundation
import KeycardCore

/// BambooHR webhooks: the field-based shape `{"employees": [{"id", "action", "timestamp", "changedFields", "fields"}]}`
/// (one event per employee) and the thin event-based shape `{"type": "employee.updated", "timestamp", "data": {"employeeId"}}`.
///
/// `Created` → hired, `Updated` → updated, `Deleted` or a `terminationDate` or a `Terminated` status → terminated
/// (a deleted record without a date leaves at once). BambooHR sends no event id: it is derived from the body.
public struct BambooHREventDecoder: EventDecoder {
    public let source = IntakeSource.bamboohr

    public init() {}

    /// BambooHR field alias → canonical attribute.
    static let fieldNames: [(bamboo: String, canonical: String)] = [
        ("firstName", CanonicalAttribute.firstName), ("lastName", CanonicalAttribute.lastName),
        ("workEmail", CanonicalAttribute.email), ("jobTitle", CanonicalAttribute.jobTitle),
        ("department", CanonicalAttribute.department), ("team", CanonicalAttribute.team),
        ("location", CanonicalAttribute.location), ("supervisorEmail", CanonicalAttribute.managerEmail),
        ("workArrangement", CanonicalAttribute.workArrangement),
    ]
    private static let specialFields: Set = [
        "firstName", "lastName", "workEmail", "jobTitle", "department", "team", "location", "supervisorEmail",
        "workArrangement", "hireDate", "terminationDate", "employmentHistoryStatus", "employeeId", "id",
    ]

    public func decode(body: Data, headers: [String: String]) -> [DecodedItem] {
        let headerTime = headers.caseInsensitiveHeader(BambooHRSignatureVerifier.timestampHeader).flatMap(VendorValues.unixSeconds)
        return JSONDelivery.decode(body) { value, itemBody in
            if value["employees"] == nil, value["type"] != nil {
                return [DecodedItem(eventBased(value, body: itemBody, headerTime: headerTime), body: itemBody)]
            }
            guard case .array(let employees)? = value["employees"] else {
                let found = value["employees"].map(ValueDescription.found) ?? "nothing"
                return [.invalid(ValidationFailure([FieldError(
                    path: "employees", reason: "expected an array of changed employees, found \(found)")]), body: itemBody)]
            }
            if employees.isEmpty {
                return [.invalid(ValidationFailure([FieldError(path: "employees", reason: "is empty; expected at least one employee")]), body: itemBody)]
            }
            return employees.enumerated().map { index, employee in
                DecodedItem(fieldBased(employee, index: index, body: itemBody, headerTime: headerTime), body: itemBody)
            }
        }
    }

    private func fieldBased(_ employee: JSONValue, index: Int, body: Data, headerTime: JSONValue?) -> Result<LifecycleEvent, ValidationFailure> {
        let base = "employees[\(index)]"
        var draft = VendorEventDraft()
        guard case .object = employee else {
            return .failure(ValidationFailure([FieldError(path: base, reason: "expected an employee object, found \(ValueDescription.found(employee))")]))
        }
        let fields = employee["fields"]?.objectValue ?? [:]
        if let other = employee["fields"], other.objectValue == nil {
            draft.errors.append(FieldError(path: base + ".fields", reason: "expected an object, found \(ValueDescription.found(other))"))
        }
        draft.setEventID(VendorValues.derivedEventID(source: source, body: body, index: index), from: base)
        draft.setTimestamp(employee["timestamp"] ?? headerTime, from: base + ".timestamp")
        draft.set(CanonicalAttribute.employeeID, VendorValues.identifier(employee["id"]), from: base + ".id")
        for (bamboo, canonical) in Self.fieldNames {
            draft.set(canonical, fields[bamboo], from: "\(base).fields.\(bamboo)")
        }
        draft.set(CanonicalAttribute.startDate, VendorValues.date(fields["hireDate"]), from: base + ".fields.hireDate")
        draft.set(CanonicalAttribute.terminationDate, VendorValues.dateOrInstant(fields["terminationDate"]), from: base + ".fields.terminationDate")
        let status = fields["employmentHistoryStatus"]?.stringValue
        let statusTerminated = status?.lowercased() == "terminated"
        if !statusTerminated {
            draft.set(CanonicalAttribute.employmentType, VendorValues.employmentType(fields["employmentHistoryStatus"]), from: base + ".fields.employmentHistoryStatus")
        }
        for (name, value) in fields where !Self.specialFields.contains(name) {
            draft.keep(name, value, from: "\(base).fields.\(name)")
        }
        if let changed = employee["changedFields"] { draft.keep("changed_fields", changed, from: base + ".changedFields") }

        let action = employee["action"]?.stringValue?.lowercased()
        let type: LifecycleEventType?
        switch action {
        case _ where statusTerminated || draft.has(CanonicalAttribute.terminationDate): type = .terminated
        case "created"?: type = .hired
        case "updated"?: type = .updated
        case "deleted"?: type = .terminated
        default:
            type = nil
            let found = employee["action"].map(ValueDescription.found) ?? "nothing"
            draft.errors.append(FieldError(path: base + ".action", reason: "expected Created, Updated or Deleted, found \(found)"))
        }
        draft.setType(type, from: base + ".action")
        if type == .terminated { leaveAtOnceIfUndated(&draft, statusTerminated: statusTerminated) }
        return draft.validate(source: source)
    }

    private func eventBased(_ value: JSONValue, body: Data, headerTime: JSONValue?) -> Result<LifecycleEvent, ValidationFailure> {
        var draft = VendorEventDraft()
        let kind = value["type"]?.stringValue ?? ""
        let type: LifecycleEventType? = switch kind.replacingOccurrences(of: "employee_with_fields.", with: "employee.") {
        case "employee.created": .hired
        case "employee.updated": .updated
        case "employee.deleted": .terminated
        default: nil
        }
        if type == nil {
            let found = value["type"].map(ValueDescription.found) ?? "nothing"
            draft.errors.append(FieldError(path: "type", reason: "expected employee.created, employee.updated or employee.deleted, found \(found)"))
        }
        draft.setType(type, from: "type")
        draft.setEventID(VendorValues.derivedEventID(source: source, body: body), from: "type")
        draft.setTimestamp(value["timestamp"] ?? headerTime, from: "timestamp")
        let data = value["data"]?.objectValue ?? [:]
        draft.set(CanonicalAttribute.employeeID, VendorValues.identifier(data["employeeId"]), from: "data.employeeId")
        for (bamboo, canonical) in Self.fieldNames { draft.set(canonical, data[bamboo], from: "data.\(bamboo)") }
        draft.set(CanonicalAttribute.startDate, VendorValues.date(data["hireDate"]), from: "data.hireDate")
        draft.set(CanonicalAttribute.employmentType, VendorValues.employmentType(data["employmentHistoryStatus"]), from: "data.employmentHistoryStatus")
        draft.keep("company_id", data["companyId"], from: "data.companyId")
        draft.keep("changed_fields", data["changedFields"], from: "data.changedFields")
        if type == .terminated { leaveAtOnceIfUndated(&draft, statusTerminated: false) }
        return draft.validate(source: source)
    }

    /// A deleted or terminated record without a date leaves when the event happened.
    private func leaveAtOnceIfUndated(_ draft: inout VendorEventDraft, statusTerminated: Bool) {
        guard !draft.has(CanonicalAttribute.terminationDate), let timestamp = draft.timestamp else { return }
        draft.set(CanonicalAttribute.terminationDate, timestamp, from: "timestamp")
        draft.set(CanonicalAttribute.immediate, .bool(true), from: "action")
    }
}
