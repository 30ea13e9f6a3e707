import Foundation
import KeycardCore
import KeycardIntake
import KeycardTestSupport
import Testing

@Suite("BambooHR decoder")
struct BambooHRDecoderTests {
    @Test("a Created employee is a hire with BambooHR fields mapped to canonical names")
    func hired() throws {
        let event = try vendorEvent(.bamboohr, "hired.json")
        #expect(event.type == .hired)
        #expect(event.employeeID == "40123")
        #expect(event.source == "bamboohr")
        #expect(event.data["email"] == .string("amara.okafor@company.com"))
        #expect(event.data["job_title"] == .string("Product Designer"))
        #expect(event.data["employment_type"] == .string("full_time"))
        #expect(event.data["manager_email"] == .string("jonas.berg@company.com"))
        #expect(event.data["termination_date"] == nil)
        #expect(event.data["division"] == .string("Product"))
        #expect(event.effectiveAt == utcDate("2024-03-18"))
        #expect(event.timestamp == utcDate("2024-03-04T15:20:11Z"))
        #expect(event.eventID.hasPrefix("bamboohr-"))
    }

    @Test("an Updated employee is an update; a Terminated status with a date is a leaver")
    func updatedAndTerminated() throws {
        let updated = try vendorEvent(.bamboohr, "updated.json")
        #expect(updated.type == .updated)
        #expect(updated.data["department"] == .string("Design Systems"))
        #expect(updated.data["changed_fields"] == .list([.string("jobTitle"), .string("department")]))
        let terminated = try vendorEvent(.bamboohr, "terminated.json")
        #expect(terminated.type == .terminated)
        #expect(terminated.effectiveAt == utcDate("2025-01-31"))
        #expect(terminated.data["employment_type"] == nil)
    }

    @Test("the derived event id is stable for the same bytes and differs per employee")
    func derivedIDs() throws {
        let body = #"{"employees": [{"id": "1", "action": "Updated", "timestamp": "2024-01-01T00:00:00Z", "fields": {}}, {"id": "2", "action": "Deleted", "timestamp": "2024-01-01T00:00:00Z", "fields": {}}]}"#
        let first = decode(.bamboohr, body), second = decode(.bamboohr, body)
        #expect(first.map(\.event?.eventID) == second.map(\.event?.eventID))
        #expect(first[0].event?.eventID != first[1].event?.eventID)
        let deleted = try #require(first[1].event)
        #expect(deleted.type == .terminated)
        #expect(deleted.data["immediate"] == .bool(true))
        #expect(deleted.effectiveAt == utcDate("2024-01-01T00:00:00Z"))
    }

    @Test("missing fields are named with BambooHR paths")
    func missingFields() throws {
        let body = #"{"employees": [{"id": "7", "action": "Created", "timestamp": "2024-01-01T00:00:00Z", "fields": {"firstName": "A", "workEmail": "not-an-email"}}]}"#
        let item = try single(decode(.bamboohr, body))
        #expect(paths(item) == [
            "employees[0].fields.lastName", "employees[0].fields.workEmail", "employees[0].fields.jobTitle",
            "employees[0].fields.department", "employees[0].fields.employmentHistoryStatus", "employees[0].fields.hireDate",
        ])
    }

    @Test("an unknown action and a missing timestamp are reported together")
    func unknownAction() throws {
        let item = try single(decode(.bamboohr, #"{"employees": [{"id": "7", "action": "Promoted", "fields": {}}]}"#))
        #expect(paths(item) == ["employees[0].action", "employees[0].timestamp"])
        #expect(item.errors.first { $0.path == "employees[0].action" }?.reason == #"expected Created, Updated or Deleted, found a string ("Promoted")"#)
    }

    @Test("the delivery timestamp header stands in for a missing per-employee timestamp")
    func headerTimestamp() throws {
        let item = try single(decode(.bamboohr, #"{"employees": [{"id": 7, "action": "Updated", "fields": {"jobTitle": "CTO"}}]}"#,
                                     headers: ["x-bamboohr-timestamp": "1700000000"]))
        #expect(item.event?.timestamp == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(item.event?.employeeID == "7")
    }

    @Test("the event-based shape maps type and employeeId")
    func eventBased() throws {
        let body = #"{"type": "employee.updated", "timestamp": "2026-01-31T18:42:00+0000", "data": {"companyId": "12345", "employeeId": "67890", "changedFields": ["firstName"]}}"#
        let event = try #require(try single(decode(.bamboohr, body)).event)
        #expect(event.type == .updated)
        #expect(event.employeeID == "67890")
        #expect(event.timestamp == utcDate("2026-01-31T18:42:00Z"))
        let created = try single(decode(.bamboohr, #"{"type": "employee.created", "timestamp": "2026-01-31T18:42:00+0000", "data": {"employeeId": "1"}}"#))
        #expect(paths(created).contains("data.workEmail"))
    }

    @Test("a missing or empty employees array is named", arguments: [#"{"foo": 1}"#, #"{"employees": []}"#, #"{"employees": "x"}"#])
    func noEmployees(body: String) throws {
        #expect(paths(try single(decode(.bamboohr, body))) == ["employees"])
    }
}
