import Foundation
import KeycardCore
import KeycardIntake
import KeycardTestSupport
import Testing

@Suite("Validation rules")
struct ValidationRuleTests {
    /// A canonical event with `data` as given and the top-level fields overridable.
    func item(
        type: String? = "employee.updated", eventID: String? = "evt_1", timestamp: String? = "2024-01-15T09:00:00Z",
        data: String = #"{"employee_id": "E1"}"#
    ) throws -> DecodedItem {
        var fields: [String] = []
        if let type { fields.append(#""event_type": "\#(type)""#) }
        if let eventID { fields.append(#""event_id": "\#(eventID)""#) }
        if let timestamp { fields.append(#""timestamp": "\#(timestamp)""#) }
        fields.append(#""data": \#(data)"#)
        return try single(decode(.canonical, "{" + fields.joined(separator: ", ") + "}"))
    }

    func reason(_ item: DecodedItem, _ path: String) -> String? {
        item.errors.first { $0.path == path }?.reason
    }

    @Test("a hire missing everything reports every missing field at once")
    func missingForHire() throws {
        let result = try item(type: "employee.hired", eventID: nil, timestamp: nil, data: "{}")
        let expected = Set(["event_id", "timestamp"] + CanonicalAttribute.requiredForHire.map { "data." + $0 })
        #expect(paths(result) == expected)
        #expect(result.errors.count == expected.count)
        #expect(reason(result, "data.email") == "missing; an employee.hired event needs it")
        #expect(reason(result, "event_id") == "missing")
    }

    @Test("updated needs employee_id; terminated needs employee_id and termination_date")
    func missingPerType() throws {
        #expect(paths(try item(type: "employee.updated", data: "{}")) == ["data.employee_id"])
        #expect(paths(try item(type: "employee.terminated", data: "{}")) == ["data.employee_id", "data.termination_date"])
        #expect(paths(try item(type: "employee.terminated", data: #"{"employee_id": "E1", "termination_date": null}"#)) == ["data.termination_date"])
    }

    @Test("a missing or non-object data is named")
    func dataShape() throws {
        let result = try single(decode(.canonical, #"{"event_type": "employee.updated", "event_id": "e", "timestamp": "2024-01-15T09:00:00Z"}"#))
        #expect(result.errors == [FieldError(path: "data", reason: "missing; expected an object with the employee's attributes")])
        #expect(try item(data: "[1, 2]").errors == [FieldError(path: "data", reason: "expected an object, found an array")])
    }

    @Test("wrong types say what was expected and what was found")
    func wrongTypes() throws {
        let result = try item(type: "employee.updated", data: #"{"employee_id": 42, "first_name": true, "team": ["a"], "immediate": "yes", "email": {"a": 1}}"#)
        #expect(reason(result, "data.employee_id") == "expected a string, found a number (42)")
        #expect(reason(result, "data.first_name") == "expected a string, found a boolean (true)")
        #expect(reason(result, "data.team") == "expected a string, found an array")
        #expect(reason(result, "data.immediate") == #"expected a boolean, found a string ("yes")"#)
        #expect(reason(result, "data.email") == "expected a string, found an object")
        #expect(result.errors.count == 5)
        let topLevel = try single(decode(.canonical, #"{"event_type": 7, "event_id": 1.5, "timestamp": false, "data": {"employee_id": "E1"}}"#))
        #expect(reason(topLevel, "event_type")?.hasPrefix("expected a string (one of employee.hired") == true)
        #expect(reason(topLevel, "event_id") == "expected a string, found a number (1.5)")
        #expect(reason(topLevel, "timestamp") == "expected a string, found a boolean (false)")
    }

    @Test("bad emails are refused in email and manager_email", arguments: [
        "sarah.chen@", "@company.com", "sarah chen@company.com", "sarah@company", "sarah@@company.com",
        "sarah..chen@company.com", "sarah@-company.com", "sarah@company.c0m", "sarah@company..com",
    ])
    func badEmail(address: String) throws {
        let result = try item(data: #"{"employee_id": "E1", "email": "\#(address)", "manager_email": "\#(address)"}"#)
        #expect(paths(result) == ["data.email", "data.manager_email"])
        #expect(reason(result, "data.email")?.hasSuffix("is not an email address like name@company.com") == true)
    }

    @Test("good emails pass", arguments: ["sarah.chen@company.com", "o'brien+it@mail.company.co.uk", "x@a-b.io"])
    func goodEmail(address: String) throws {
        #expect(try item(data: #"{"employee_id": "E1", "email": "\#(address)"}"#).errors.isEmpty)
    }

    @Test("an unknown event_type lists the valid ones")
    func unknownType() throws {
        let result = try item(type: "employee.promoted")
        #expect(result.errors == [FieldError(
            path: "event_type",
            reason: #"unknown event type "employee.promoted"; expected one of employee.hired, employee.updated, employee.terminated"#)])
    }

    @Test("dates must be real calendar dates; timestamps must be instants", arguments: [
        ("start_date", "2024-02-30"), ("start_date", "2023-02-29"), ("start_date", "2024-13-01"), ("start_date", "01/02/2024"),
        ("start_date", "2024-02-01T00:00:00Z"), ("termination_date", "next friday"), ("termination_date", "2024-04-31"),
    ])
    func badDates(field: String, value: String) throws {
        let result = try item(data: #"{"employee_id": "E1", "\#(field)": "\#(value)"}"#)
        #expect(paths(result) == ["data." + field], "\(result.errors)")
    }

    @Test("timestamp must be an ISO 8601 instant", arguments: ["2024-01-15", "yesterday", "2024-01-15 09:00", "1705309200", ""])
    func badTimestamp(value: String) throws {
        #expect(paths(try item(timestamp: value)) == ["timestamp"])
    }

    @Test("timestamps with offsets and fractions are accepted", arguments: ["2024-01-15T09:00:00+02:00", "2024-01-15T09:00:00.123Z"])
    func goodTimestamp(value: String) throws {
        #expect(try item(timestamp: value).errors.isEmpty)
    }

    @Test("leap days and date-time terminations are fine")
    func goodDates() throws {
        #expect(try item(data: #"{"employee_id": "E1", "start_date": "2024-02-29", "termination_date": "2024-03-01T17:00:00-05:00"}"#).errors.isEmpty)
    }

    @Test("termination before start_date is refused when both are in the data")
    func terminationBeforeStart() throws {
        let result = try item(type: "employee.terminated", data: #"{"employee_id": "E1", "start_date": "2024-02-01", "termination_date": "2024-01-31T23:59:59Z"}"#)
        #expect(result.errors == [FieldError(
            path: "data.termination_date",
            reason: "2024-01-31T23:59:59Z is before start_date 2024-02-01; an employee cannot leave before they start")])
        #expect(try item(type: "employee.terminated", data: #"{"employee_id": "E1", "start_date": "2024-02-01", "termination_date": "2024-02-01"}"#).errors.isEmpty)
    }

    @Test("empty and blank strings are refused")
    func emptyStrings() throws {
        let result = try item(eventID: "", data: #"{"employee_id": "", "first_name": "  ", "team": ""}"#)
        #expect(reason(result, "event_id") == "is empty")
        #expect(reason(result, "data.employee_id") == "is empty")
        #expect(reason(result, "data.first_name") == "holds only whitespace")
        #expect(reason(result, "data.team") == "is empty")
        #expect(result.errors.count == 4)
    }

    @Test("absurd lengths are refused")
    func absurdLengths() throws {
        let long = String(repeating: "x", count: 513)
        let result = try item(eventID: long, data: #"{"employee_id": "\#(long)", "job_title": "\#(long)", "notes": "\#(String(repeating: "y", count: 5000))"}"#)
        #expect(reason(result, "event_id") == "is 513 characters long; at most 512 are allowed")
        #expect(reason(result, "data.employee_id") == "is 513 characters long; at most 512 are allowed")
        #expect(reason(result, "data.job_title") == "is 513 characters long; at most 512 are allowed")
        #expect(reason(result, "data.notes") == "is 5000 characters long; at most 4096 are allowed")
        #expect(try item(eventID: String(repeating: "x", count: 512)).errors.isEmpty)
    }

    @Test("control characters in ids are refused and shown as code points")
    func controlCharacters() throws {
        let result = try item(eventID: #"evt\u0000one"#, data: #"{"employee_id": "E\u001b[31m", "job_title": "Engineer\nInjected"}"#)
        #expect(reason(result, "event_id") == "contains the control character U+0000; ids must be printable")
        #expect(reason(result, "data.employee_id") == "contains the control character U+001B; ids must be printable")
        #expect(reason(result, "data.job_title") == "contains the control character U+000A; values must be printable")
        let bidi = try item(data: #"{"employee_id": "E1\u202E"}"#)
        #expect(reason(bidi, "data.employee_id") == "contains the control character U+202E; ids must be printable")
    }

    @Test("the body must be an object")
    func notAnObject() throws {
        #expect(try single(decode(.canonical, "42")).errors == [FieldError(path: "body", reason: "expected an event object, found a number (42)")])
    }

    @Test("every file in fixtures/bad is rejected with the expected field paths", arguments: [
        ("missing-fields.json", ["event_id", "data.email", "data.job_title", "data.start_date"]),
        ("wrong-types.json", ["data.employee_id", "data.first_name", "data.job_title", "data.start_date"]),
        ("bad-email.json", ["data.email", "data.manager_email"]),
        ("unknown-type.json", ["event_type"]),
        ("bad-dates.json", ["timestamp", "data.start_date"]),
        ("termination-before-hire.json", ["data.termination_date"]),
        ("empty-and-control-characters.json", ["event_id", "data.employee_id", "data.first_name", "data.job_title"]),
        ("truncated.json", ["body"]),
        ("garbage.bin", ["body"]),
    ])
    func badFixtures(file: String, expectedPaths: [String]) throws {
        let body = try FixturePaths.data("bad/" + file)
        let result = try single(CanonicalEventDecoder().decode(body: body, headers: [:]))
        #expect(paths(result) == Set(expectedPaths), "\(result.errors)")
        #expect(result.invalidBody == body)
    }

    @Test("the list of bad fixtures above covers the whole folder")
    func badFolderCovered() throws {
        let names = try FixturePaths.files(in: "bad").map(\.lastPathComponent)
        #expect(names.count == 9, "\(names)")
    }

    @Test("EventValidator validates one event's bytes directly")
    func validatorEntryPoint() throws {
        let result = EventValidator().validate(eventJSON: try FixturePaths.data("events/01-sarah-chen-hired.json"))
        #expect((try? result.get())?.employeeID == "EMP-2024-0042")
    }
}
