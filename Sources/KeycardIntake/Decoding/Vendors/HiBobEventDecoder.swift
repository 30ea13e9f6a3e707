import Foundation
import KeycardCore

/// HiBob (Bob) webhooks: `{"companyId", "type", "id"?, "creationDate" | "triggeredAt", "data": {...}}` where `data` is
/// either the thin v2 shape (`employeeId`, `fieldIds`) or a full employee (`firstName`, `surname`, `email`,
/// `work.title`, `work.department`, `work.site`, `work.startDate`, `work.reportsTo.email`, `internal.terminationDate`,
/// `payroll.employment.type`).
///
/// `employee.created`/`employee.joined` → hired, `employee.updated` → updated, `employee.left`/`employee.terminated`/
/// `employee.deleted` → terminated (at the event time when no termination date is given). The event id is the
/// payload's `id` when present, else derived from the body.
public struct HiBobEventDecoder: EventDecoder {
    public let source = IntakeSource.hibob

    public init() {}

    static let types: [String: LifecycleEventType] = [
        "employee.created": .hired, "employee.joined": .hired, "employee.updated": .updated,
        "employee.left": .terminated, "employee.terminated": .terminated, "employee.deleted": .terminated,
    ]
    private static let mappedKeys: Set = [
        "id", "employeeId", "firstName", "surname", "lastName", "email", "work", "internal", "payroll", "displayName",
    ]

    public func decode(body: Data, headers: [String: String]) -> [DecodedItem] {
        JSONDelivery.decode(body) { value, itemBody in [DecodedItem(event(value, body: itemBody), body: itemBody)] }
    }

    private func event(_ value: JSONValue, body: Data) -> Result<LifecycleEvent, ValidationFailure> {
        guard case .object(let root) = value else {
            return .failure(ValidationFailure([FieldError(path: "body", reason: "expected a HiBob webhook object, found \(ValueDescription.found(value))")]))
        }
        var draft = VendorEventDraft()
        let type = root["type"]?.stringValue.flatMap { Self.types[$0] }
        if type == nil {
            let expected = Self.types.keys.sorted().joined(separator: ", ")
            let found = root["type"].map(ValueDescription.found) ?? "nothing"
            draft.errors.append(FieldError(path: "type", reason: "expected one of \(expected), found \(found)"))
        }
        draft.setType(type, from: "type")
        draft.setEventID(VendorValues.present(VendorValues.identifier(root["id"])) ?? VendorValues.derivedEventID(source: source, body: body), from: "id")
        let timeKey = root["creationDate"] != nil ? "creationDate" : "triggeredAt"
        draft.setTimestamp(root[timeKey], from: timeKey)

        let data = root["data"]?.objectValue ?? [:]
        if let other = root["data"], other.objectValue == nil {
            draft.errors.append(FieldError(path: "data", reason: "expected an object, found \(ValueDescription.found(other))"))
        }
        let work = data["work"]?.objectValue ?? [:]
        let idKey = data["employeeId"] != nil ? "employeeId" : "id"
        draft.set(CanonicalAttribute.employeeID, VendorValues.identifier(data[idKey]), from: "data.\(idKey)")
        draft.set(CanonicalAttribute.firstName, data["firstName"], from: "data.firstName")
        let lastKey = data["lastName"] != nil ? "lastName" : "surname"
        draft.set(CanonicalAttribute.lastName, data[lastKey], from: "data.\(lastKey)")
        draft.set(CanonicalAttribute.email, data["email"], from: "data.email")
        draft.set(CanonicalAttribute.jobTitle, work["title"], from: "data.work.title")
        draft.set(CanonicalAttribute.department, work["department"], from: "data.work.department")
        draft.set(CanonicalAttribute.team, work["team"], from: "data.work.team")
        draft.set(CanonicalAttribute.location, work["site"], from: "data.work.site")
        draft.set(CanonicalAttribute.workArrangement, work["workArrangement"], from: "data.work.workArrangement")
        draft.set(CanonicalAttribute.startDate, VendorValues.date(work["startDate"]), from: "data.work.startDate")
        draft.set(CanonicalAttribute.managerEmail, work["reportsTo"]?["email"], from: "data.work.reportsTo.email")
        draft.set(CanonicalAttribute.employmentType, VendorValues.employmentType(data["payroll"]?["employment"]?["type"]),
                  from: "data.payroll.employment.type")
        draft.set(CanonicalAttribute.terminationDate, VendorValues.dateOrInstant(data["internal"]?["terminationDate"]),
                  from: "data.internal.terminationDate")
        draft.keep("manager_id", work["manager"] ?? work["reportsTo"]?["id"], from: "data.work.manager")
        draft.keep("company_id", VendorValues.identifier(root["companyId"]), from: "companyId")
        draft.keep("changed_fields", data["fieldIds"], from: "data.fieldIds")
        for (name, value) in data.sorted(by: { $0.key < $1.key }) where !Self.mappedKeys.contains(name) && name != "fieldIds" {
            draft.keep(name, value, from: "data.\(name)")
        }
        if type == .terminated, !draft.has(CanonicalAttribute.terminationDate), let timestamp = draft.timestamp {
            draft.set(CanonicalAttribute.terminationDate, timestamp, from: timeKey)
            if root["type"]?.stringValue == "employee.deleted" {
                draft.set(CanonicalAttribute.immediate, .bool(true), from: "type")
            }
        }
        return draft.validate(source: source)
    }
}
