import Foundation
import KeycardCore

/// Merge unified HRIS webhooks: `{"hook": {"event": "Employee.added"|"Employee.changed"|"Employee.removed"},
/// "linked_account": {...}, "data": <Merge Employee>}`.
///
/// The employee id is the HRIS's `remote_id` (Merge's own `id` is kept as `merge_id`). Job title and employment type
/// come from the newest expanded `employments` entry, department from a `groups` entry of type `DEPARTMENT`, team
/// from an expanded `team` (or a `TEAM` group), manager email from an expanded `manager`, location from an expanded
/// `work_location`. `Employee.changed` with an `INACTIVE` status or a termination date is a leaver; `Employee.removed`
/// leaves at once. Merge sends no delivery id: the event id is derived from the body.
public struct MergeEventDecoder: EventDecoder {
    public let source = IntakeSource.merge

    public init() {}

    public func decode(body: Data, headers: [String: String]) -> [DecodedItem] {
        JSONDelivery.decode(body) { value, itemBody in [DecodedItem(event(value, body: itemBody), body: itemBody)] }
    }

    private func event(_ value: JSONValue, body: Data) -> Result<LifecycleEvent, ValidationFailure> {
        guard case .object(let root) = value else {
            return .failure(ValidationFailure([FieldError(path: "body", reason: "expected a Merge webhook object, found \(ValueDescription.found(value))")]))
        }
        var draft = VendorEventDraft()
        let data = root["data"]?.objectValue ?? [:]
        if root["data"]?.objectValue == nil {
            let found = root["data"].map(ValueDescription.found) ?? "nothing"
            draft.errors.append(FieldError(path: "data", reason: "expected a Merge Employee object, found \(found)"))
        }
        draft.setEventID(VendorValues.derivedEventID(source: source, body: body), from: "hook")
        draft.setTimestamp(data["modified_at"] ?? data["remote_created_at"], from: "data.modified_at")
        let idKey = VendorValues.present(data["remote_id"]) != nil ? "remote_id" : "id"
        draft.set(CanonicalAttribute.employeeID, VendorValues.identifier(data[idKey]), from: "data.\(idKey)")
        draft.set(CanonicalAttribute.firstName, data["first_name"], from: "data.first_name")
        draft.set(CanonicalAttribute.lastName, data["last_name"], from: "data.last_name")
        draft.set(CanonicalAttribute.email, data["work_email"], from: "data.work_email")
        let startKey = VendorValues.present(data["start_date"]) != nil ? "start_date" : "hire_date"
        draft.set(CanonicalAttribute.startDate, VendorValues.date(data[startKey]), from: "data.\(startKey)")
        draft.set(CanonicalAttribute.terminationDate, VendorValues.dateOrInstant(data["termination_date"]), from: "data.termination_date")
        mapEmployment(data, into: &draft)
        mapRelations(data, into: &draft)
        draft.keep("merge_id", data["id"], from: "data.id")
        draft.keep("employee_number", data["employee_number"], from: "data.employee_number")
        draft.keep("employment_status", data["employment_status"], from: "data.employment_status")
        draft.keep("merge_integration", root["linked_account"]?["integration_slug"], from: "linked_account.integration_slug")

        let status = data["employment_status"]?.stringValue
        let type: LifecycleEventType?
        switch root["hook"]?["event"]?.stringValue {
        case "Employee.added"?: type = .hired
        case "Employee.changed"?:
            type = status == "INACTIVE" || draft.has(CanonicalAttribute.terminationDate) ? .terminated : .updated
        case "Employee.removed"?:
            type = .terminated
            if !draft.has(CanonicalAttribute.terminationDate), let timestamp = draft.timestamp {
                draft.set(CanonicalAttribute.terminationDate, timestamp, from: "data.modified_at")
                draft.set(CanonicalAttribute.immediate, .bool(true), from: "hook.event")
            }
        default:
            type = nil
            let found = root["hook"]?["event"].map(ValueDescription.found) ?? "nothing"
            draft.errors.append(FieldError(
                path: "hook.event", reason: "expected Employee.added, Employee.changed or Employee.removed, found \(found)"))
        }
        draft.setType(type, from: "hook.event")
        return draft.validate(source: source)
    }

    private func mapEmployment(_ data: [String: JSONValue], into draft: inout VendorEventDraft) {
        let employments = (data["employments"]?.arrayValue ?? []).enumerated().filter { $0.element.objectValue != nil }
        let newest = employments.max { ($0.element["effective_date"]?.stringValue ?? "") < ($1.element["effective_date"]?.stringValue ?? "") }
        let base = "data.employments[\(newest?.offset ?? 0)]"
        draft.set(CanonicalAttribute.jobTitle, newest?.element["job_title"], from: base + ".job_title")
        draft.set(CanonicalAttribute.employmentType, VendorValues.employmentType(newest?.element["employment_type"]), from: base + ".employment_type")
    }

    private func mapRelations(_ data: [String: JSONValue], into draft: inout VendorEventDraft) {
        let groups = (data["groups"]?.arrayValue ?? []).enumerated()
        let department = groups.first { $0.element["type"]?.stringValue == "DEPARTMENT" }
        draft.set(CanonicalAttribute.department, department?.element["name"], from: "data.groups[\(department?.offset ?? 0)].name")
        if let team = data["team"]?["name"] {
            draft.set(CanonicalAttribute.team, team, from: "data.team.name")
        } else if let team = groups.first(where: { $0.element["type"]?.stringValue == "TEAM" }) {
            draft.set(CanonicalAttribute.team, team.element["name"], from: "data.groups[\(team.offset)].name")
        }
        draft.set(CanonicalAttribute.managerEmail, data["manager"]?["work_email"], from: "data.manager.work_email")
        draft.set(CanonicalAttribute.location, data["work_location"]?["name"], from: "data.work_location.name")
        if case .string(let managerID)? = data["manager"] { draft.keep("manager_id", .string(managerID), from: "data.manager") }
        if case .string(let teamID)? = data["team"] { draft.keep("team_id", .string(teamID), from: "data.team") }
    }
}
