import Foundation
import KeycardCore
import KeycardIntake
import KeycardTestSupport
import Testing

@Suite("Workday decoder")
struct WorkdayDecoderTests {
    @Test("a Hire notification maps wd: elements to the canonical hire")
    func hire() throws {
        let event = try vendorEvent(.workday, "hired.xml")
        #expect(event.type == .hired)
        #expect(event.eventID == "WD-BP-000481516")
        #expect(event.employeeID == "21044")
        #expect(event.data["first_name"] == .string("Elena"))
        #expect(event.data["email"] == .string("elena.rossi@company.com"))
        #expect(event.data["job_title"] == .string("Payroll Specialist"))
        #expect(event.data["department"] == .string("Finance"))
        #expect(event.data["employment_type"] == .string("full_time"))
        #expect(event.data["work_arrangement"] == .string("Hybrid"))
        #expect(event.timestamp == utcDate("2024-07-08T23:45:12Z"))
        #expect(event.effectiveAt == utcDate("2024-07-22"))
    }

    @Test("Change_Job is an update, Terminate a leaver")
    func changeAndTerminate() throws {
        #expect(try vendorEvent(.workday, "updated.xml").data["manager_email"] == .string("ines.garcia@company.com"))
        let terminated = try vendorEvent(.workday, "terminated.xml")
        #expect(terminated.type == .terminated)
        #expect(terminated.effectiveAt == utcDate("2025-05-30"))
    }

    @Test("missing elements are named by their wd: names")
    func missing() throws {
        let body = #"<wd:Worker_Event xmlns:wd="urn:com.workday/bsvc"><wd:Event_Type>Hire</wd:Event_Type><wd:Completed_Moment>2024-07-08T16:45:12Z</wd:Completed_Moment><wd:Worker><wd:Worker_ID>1</wd:Worker_ID><wd:Email_Address>nope</wd:Email_Address></wd:Worker></wd:Worker_Event>"#
        let item = try single(decode(.workday, body))
        #expect(paths(item) == [
            "wd:First_Name", "wd:Last_Name", "wd:Email_Address", "wd:Position_Title", "wd:Supervisory_Organization",
            "wd:Time_Type", "wd:Hire_Date",
        ])
        #expect(item.event == nil)
    }

    @Test("malformed XML, DTDs and unknown event types are refused", arguments: [
        ("<wd:Worker_Event><wd:Worker_ID>1</wd:Worker", "body"),
        (#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>"#, "body"),
        ("", "body"),
        ("plain text", "body"),
    ])
    func refused(body: String, path: String) throws {
        #expect(paths(try single(decode(.workday, body))) == [path])
    }

    @Test("an unknown business process is named")
    func unknownProcess() throws {
        let body = #"<wd:N xmlns:wd="urn:com.workday/bsvc"><wd:Event_Type>Request_Time_Off</wd:Event_Type><wd:Completed_Moment>2024-07-08T16:45:12Z</wd:Completed_Moment><wd:Worker_ID>1</wd:Worker_ID></wd:N>"#
        #expect(paths(try single(decode(.workday, body))) == ["wd:Event_Type"])
    }
}
