import Foundation
import KeycardCore
import KeycardIntake
import KeycardTestSupport
import Testing

@Suite("HiBob decoder")
struct HiBobDecoderTests {
    @Test("employee.created with a full employee is a hire")
    func hired() throws {
        let event = try vendorEvent(.hibob, "hired.json")
        #expect(event.type == .hired)
        #expect(event.eventID == "whk_7f3a1c2e-5b44-4d8e-9c1f-0a2b3c4d5e6f")
        #expect(event.employeeID == "3332883884017713238")
        #expect(event.data["last_name"] == .string("Moreau"))
        #expect(event.data["job_title"] == .string("Data Analyst"))
        #expect(event.data["team"] == .string("FP&A"))
        #expect(event.data["location"] == .string("Paris, FR"))
        #expect(event.data["manager_email"] == .string("claire.dubois@company.com"))
        #expect(event.data["employment_type"] == .string("full_time"))
        #expect(event.data["manager_id"] == .string("3332883804594373380"))
        #expect(event.effectiveAt == utcDate("2024-04-15"))
        #expect(event.timestamp == utcDate("2024-04-02T10:12:31.118Z"))
    }

    @Test("employee.updated and employee.left map to update and leaver")
    func updatedAndLeft() throws {
        let updated = try vendorEvent(.hibob, "updated.json")
        #expect(updated.type == .updated)
        #expect(updated.data["department"] == .string("Data"))
        let left = try vendorEvent(.hibob, "terminated.json")
        #expect(left.type == .terminated)
        #expect(left.effectiveAt == utcDate("2025-02-28"))
    }

    @Test("the thin v2 shape with a zone-less microsecond triggeredAt decodes; a left event without a date leaves then")
    func thinV2() throws {
        let body = #"{"companyId": 636192, "type": "employee.left", "triggeredBy": "1", "triggeredAt": "2025-01-08T13:06:26.915906", "version": "v2", "data": {"employeeId": "3332883854254932743"}}"#
        let event = try #require(try single(decode(.hibob, body)).event)
        #expect(event.timestamp == utcDate("2025-01-08T13:06:26.915Z"))
        #expect(event.effectiveAt == event.timestamp)
        #expect(event.eventID.hasPrefix("hibob-"))
    }

    @Test("missing fields and an unknown type are named with HiBob paths")
    func errors() throws {
        let hire = try single(decode(.hibob, #"{"type": "employee.created", "creationDate": "2024-04-02T10:12:31Z", "data": {"employeeId": "9", "work": {"title": 5}}}"#))
        #expect(paths(hire) == [
            "data.firstName", "data.surname", "data.email", "data.work.title", "data.work.department",
            "data.payroll.employment.type", "data.work.startDate",
        ])
        #expect(hire.errors.first { $0.path == "data.work.title" }?.reason == "expected a string, found a number (5)")
        let unknown = try single(decode(.hibob, #"{"type": "timeoff.created", "creationDate": "2024-04-02T10:12:31Z", "data": {"employeeId": "9"}}"#))
        #expect(paths(unknown) == ["type"])
    }
}
