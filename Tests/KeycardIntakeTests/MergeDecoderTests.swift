import Foundation
import KeycardCore
import KeycardIntake
import KeycardTestSupport
import Testing

@Suite("Merge decoder")
struct MergeDecoderTests {
    @Test("Employee.added maps the Merge Employee model, expanded relations included")
    func added() throws {
        let event = try vendorEvent(.merge, "hired.json")
        #expect(event.type == .hired)
        #expect(event.employeeID == "19202938")
        #expect(event.data["merge_id"] == .string("19202938-a4d1-4b7e-9a33-2c8e6f1d0b77"))
        #expect(event.data["email"] == .string("noah.williams@company.com"))
        #expect(event.data["job_title"] == .string("Solutions Architect"))
        #expect(event.data["employment_type"] == .string("full_time"))
        #expect(event.data["department"] == .string("Engineering"))
        #expect(event.data["team"] == .string("Solutions"))
        #expect(event.data["location"] == .string("Chicago, IL"))
        #expect(event.data["manager_email"] == .string("grace.lee@company.com"))
        #expect(event.data["start_date"] == .string("2024-05-06"))
        #expect(event.data["merge_integration"] == .string("bamboohr"))
        #expect(event.effectiveAt == utcDate("2024-05-06"))
        #expect(event.timestamp == utcDate("2024-04-10T18:22:05.611Z"))
    }

    @Test("Employee.changed takes the newest employment; INACTIVE with a termination date is a leaver")
    func changed() throws {
        let updated = try vendorEvent(.merge, "updated.json")
        #expect(updated.type == .updated)
        #expect(updated.data["job_title"] == .string("Principal Solutions Architect"))
        #expect(updated.data["team"] == .string("Platform"))
        let terminated = try vendorEvent(.merge, "terminated.json")
        #expect(terminated.type == .terminated)
        #expect(terminated.effectiveAt == utcDate("2025-06-30T00:00:00Z"))
    }

    @Test("Employee.removed without a date leaves at once")
    func removed() throws {
        let body = #"{"hook": {"event": "Employee.removed"}, "data": {"id": "m-1", "remote_id": 77, "modified_at": "2025-01-01T00:00:00Z", "remote_was_deleted": true}}"#
        let event = try #require(try single(decode(.merge, body)).event)
        #expect(event.type == .terminated)
        #expect(event.employeeID == "77")
        #expect(event.data["immediate"] == .bool(true))
    }

    @Test("missing fields and unknown hooks are named with Merge paths")
    func errors() throws {
        let hire = try single(decode(.merge, #"{"hook": {"event": "Employee.added"}, "data": {"id": "m-1", "first_name": "A", "manager": "uuid-of-manager", "modified_at": "2025-01-01T00:00:00Z"}}"#))
        #expect(paths(hire) == [
            "data.last_name", "data.work_email", "data.employments[0].job_title", "data.groups[0].name",
            "data.employments[0].employment_type", "data.hire_date",
        ])
        let unknown = try single(decode(.merge, #"{"hook": {"event": "LinkedAccount.synced"}, "data": {"id": "m-1", "modified_at": "2025-01-01T00:00:00Z"}}"#))
        #expect(paths(unknown) == ["hook.event"])
        let noData = try single(decode(.merge, #"{"hook": {"event": "Employee.changed"}}"#))
        #expect(paths(noData) == ["data", "data.modified_at", "data.id"])
    }
}
