import Foundation
import KeycardCore

/// Workday outbound notifications (XML, `wd:` namespace): one worker event per delivery, read by element name.
///
/// `Event_Type` (or `Business_Process_Type`) `Hire` → hired, `Change_Job`/`Change_Personal_Information` → updated,
/// `Terminate`/`Termination` → terminated. `Event_ID` (else derived from the body), `Completed_Moment` (or
/// `Event_Moment`), `Worker_ID` (or `Employee_ID`), `First_Name`, `Last_Name`, `Email_Address`, `Position_Title`
/// (or `Business_Title`), `Supervisory_Organization` (or `Organization`) as department, `Team`, `Time_Type` /
/// `Worker_Type`, `Hire_Date`, `Termination_Date`, `Manager_Email`, `Location`, `Remote_Type`. Error paths are the
/// element names (`wd:Email_Address`).
public struct WorkdayEventDecoder: EventDecoder {
    public let source = IntakeSource.workday

    public init() {}

    static let eventTypes: [String: LifecycleEventType] = [
        "hire": .hired, "hire_employee": .hired, "change_job": .updated, "change_personal_information": .updated,
        "change_organization_assignments": .updated, "terminate": .terminated, "termination": .terminated,
        "terminate_employee": .terminated,
    ]

    public func decode(body: Data, headers: [String: String]) -> [DecodedItem] {
        [DecodedItem(event(body), body: body)]
    }

    private func event(_ body: Data) -> Result<LifecycleEvent, ValidationFailure> {
        guard !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            return .failure(ValidationFailure([FieldError(path: "body", reason: "is empty; expected a Workday XML notification")]))
        }
        let texts: [String: String]
        switch WorkdayXMLReader.leafTexts(body) {
        case .success(let read): texts = read
        case .failure(let failure): return .failure(failure)
        }
        func first(_ names: String...) -> (value: JSONValue?, path: String) {
            let name = names.first { texts[$0] != nil } ?? names[0]
            return (texts[name].map(JSONValue.string), "wd:" + name)
        }
        var draft = VendorEventDraft()
        let kind = first("Event_Type", "Business_Process_Type")
        let type = kind.value?.stringValue.flatMap { Self.eventTypes[$0.lowercased().replacingOccurrences(of: " ", with: "_")] }
        if type == nil {
            let found = kind.value.map(ValueDescription.found) ?? "nothing"
            draft.errors.append(FieldError(path: kind.path, reason: "expected Hire, Change_Job or Terminate, found \(found)"))
        }
        draft.setType(type, from: kind.path)
        let eventID = first("Event_ID")
        draft.setEventID(VendorValues.present(eventID.value) ?? VendorValues.derivedEventID(source: source, body: body), from: eventID.path)
        let moment = first("Completed_Moment", "Event_Moment")
        draft.setTimestamp(moment.value, from: moment.path)
        let fields: [(String, (value: JSONValue?, path: String))] = [
            (CanonicalAttribute.employeeID, first("Worker_ID", "Employee_ID")),
            (CanonicalAttribute.firstName, first("First_Name")), (CanonicalAttribute.lastName, first("Last_Name")),
            (CanonicalAttribute.email, first("Email_Address")),
            (CanonicalAttribute.jobTitle, first("Position_Title", "Business_Title")),
            (CanonicalAttribute.department, first("Supervisory_Organization", "Organization")),
            (CanonicalAttribute.team, first("Team")), (CanonicalAttribute.managerEmail, first("Manager_Email")),
            (CanonicalAttribute.location, first("Location")), (CanonicalAttribute.workArrangement, first("Remote_Type")),
        ]
        for (canonical, field) in fields { draft.set(canonical, field.value, from: field.path) }
        let hire = first("Hire_Date")
        draft.set(CanonicalAttribute.startDate, VendorValues.date(hire.value), from: hire.path)
        let termination = first("Termination_Date")
        draft.set(CanonicalAttribute.terminationDate, VendorValues.dateOrInstant(termination.value), from: termination.path)
        let workerType = first("Worker_Type").value?.stringValue ?? ""
        let timeType = first("Time_Type")
        let employment = workerType.lowercased().contains("contingent") ? .string("contractor") : timeType.value
        draft.set(CanonicalAttribute.employmentType, VendorValues.employmentType(employment), from: timeType.path)
        return draft.validate(source: source)
    }
}
