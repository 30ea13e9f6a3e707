import Foundation
import KeycardCore
import KeycardIntake
import KeycardTestSupport
import Testing

@Suite("Rippling decoder")
struct RipplingDecoderTests {
    @Test("a form-encoded employee.created is a hire, percent-encoding and + decoded")
    func created() throws {
        let event = try vendorEvent(.rippling, "hired.form")
        #expect(event.type == .hired)
        #expect(event.eventID == "rpl_evt_8842")
        #expect(event.employeeID == "rip-5501")
        #expect(event.data["email"] == .string("maya.singh@company.com"))
        #expect(event.data["team"] == .string("Detection & Response"))
        #expect(event.data["location"] == .string("Seattle, WA"))
        #expect(event.timestamp == utcDate("2024-06-03T13:00:00Z"))
    }

    @Test("updated and terminated notifications map; immediate is a boolean")
    func updatedAndTerminated() throws {
        #expect(try vendorEvent(.rippling, "updated.form").data["job_title"] == .string("Senior Security Engineer"))
        let terminated = try vendorEvent(.rippling, "terminated.form")
        #expect(terminated.type == .terminated)
        #expect(terminated.data["immediate"] == .bool(true))
        #expect(terminated.effectiveAt == utcDate("2025-03-03T23:59:00Z"))
    }

    @Test("the peers' sample notification is rejected for its missing fields, with form names as paths")
    func peerSample() throws {
        let item = try single(decode(.rippling, "event=employee.created&employee_id=42"))
        #expect(paths(item) == ["timestamp", "work_email", "first_name", "last_name", "title", "department", "employment_type", "start_date"])
    }

    @Test("unknown fields are kept; a bad immediate, bad encoding and unknown events are named")
    func errors() throws {
        let kept = try single(decode(.rippling, "event=employee.updated&timestamp=2024-01-01T00:00:00Z&employee_id=1&cost_center=CC%2042"))
        #expect(kept.event?.data["cost_center"] == .string("CC 42"))
        let bad = try single(decode(.rippling, "event=employee.fired&timestamp=2024-01-01T00:00:00Z&employee_id=1&immediate=maybe"))
        #expect(paths(bad) == ["event", "immediate"])
        #expect(paths(try single(decode(.rippling, "event=employee.updated&employee_id=%E0%A4"))) == ["employee_id"])
        #expect(paths(try single(decode(.rippling, ""))) == ["body"])
    }
}
