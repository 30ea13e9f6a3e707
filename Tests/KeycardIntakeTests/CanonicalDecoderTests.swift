import Foundation
import KeycardCore
import KeycardIntake
import KeycardTestSupport
import Testing

@Suite("Canonical decoder")
struct CanonicalDecoderTests {
    let decoder = CanonicalEventDecoder()

    @Test("Sarah Chen's hire decodes to the canonical event, effective at her start date")
    func sarahChen() throws {
        let item = try single(decoder.decode(body: try FixturePaths.data("events/01-sarah-chen-hired.json"), headers: [:]))
        let event = try #require(item.event, "\(item.errors)")
        #expect(event.eventID == "evt_2024_01_15_001")
        #expect(event.type == .hired)
        #expect(event.employeeID == "EMP-2024-0042")
        #expect(event.timestamp == utcDate("2024-01-15T09:00:00Z"))
        #expect(event.effectiveAt == utcDate("2024-02-01T00:00:00Z"))
        #expect(event.source == "canonical")
        #expect(event.data["email"] == .string("sarah.chen@company.com"))
        #expect(event.data["manager_email"] == .string("mike.johnson@company.com"))
        #expect(event.data["work_arrangement"] == .string("hybrid"))
        #expect(event.data.count == 12)
    }

    @Test("every file in fixtures/events is valid; the mover and the leaver have their hire in the folder")
    func eventsFolder() throws {
        var events: [LifecycleEvent] = []
        for file in try FixturePaths.files(in: "events") {
            for item in decoder.decode(body: try Data(contentsOf: file), headers: [:]) {
                #expect(item.errors.isEmpty, "\(file.lastPathComponent): \(item.errors)")
                if let event = item.event { events.append(event) }
            }
        }
        let hired = Set(events.filter { $0.type == .hired }.map(\.employeeID))
        let mover = try #require(events.first { $0.type == .updated })
        let leaver = try #require(events.first { $0.type == .terminated })
        #expect(hired.contains(mover.employeeID))
        #expect(hired.contains(leaver.employeeID))
        #expect(mover.data["department"] == .string("Engineering"))
        #expect(leaver.effectiveAt == utcDate("2024-01-31T00:00:00Z"))
        #expect(leaver.data["immediate"] == .bool(false))
    }

    @Test("an updated event is effective at its timestamp; a terminated one at its termination instant")
    func effectiveTimes() throws {
        let updated = try single(decode(.canonical, #"{"event_type":"employee.updated","event_id":"e1","timestamp":"2024-03-01T10:00:00+02:00","data":{"employee_id":"E1","team":"Core"}}"#))
        #expect(updated.event?.effectiveAt == utcDate("2024-03-01T08:00:00Z"))
        let terminated = try single(decode(.canonical, #"{"event_type":"employee.terminated","event_id":"e2","timestamp":"2024-03-01T10:00:00Z","data":{"employee_id":"E1","termination_date":"2024-03-15T17:30:00Z","immediate":true}}"#))
        #expect(terminated.event?.effectiveAt == utcDate("2024-03-15T17:30:00Z"))
        #expect(terminated.event?.data["immediate"] == .bool(true))
    }

    @Test("an array gives one item per element, and an invalid element keeps its own bytes")
    func arrayOfEvents() throws {
        let good = #"{"event_type":"employee.updated","event_id":"a1","timestamp":"2024-03-01T10:00:00Z","data":{"employee_id":"E1"}}"#
        let bad = #"{"event_type":"employee.updated","event_id":"a2","data":{"employee_id":"E2"}}"#
        let items = decode(.canonical, "[\n  \(good),\n  \(bad) ,\n  42\n]")
        #expect(items.count == 3)
        #expect(items[0].event?.eventID == "a1")
        #expect(items[1].errors == [FieldError(path: "timestamp", reason: "missing")])
        #expect(items[1].invalidBody == Data(bad.utf8))
        #expect(items[2].invalidBody == Data("42".utf8))
        #expect(paths(items[2]) == ["body"])
    }

    @Test("JSON lines give one item per line; a broken line does not spoil its neighbours")
    func jsonLines() throws {
        let line1 = #"{"event_type":"employee.updated","event_id":"l1","timestamp":"2024-03-01T10:00:00Z","data":{"employee_id":"E1"}}"#
        let line2 = #"{"event_type":"employee.updated","event_id":"l2","timestamp":"2024-03-01T10:00:00Z","data":{"employee_id":"#
        let line3 = #"{"event_type":"employee.updated","event_id":"l3","timestamp":"2024-03-01T10:00:00Z","data":{"employee_id":"E3"}}"#
        let items = decode(.canonical, "\(line1)\n\(line2)\n\n\(line3)\n")
        #expect(items.count == 3)
        #expect(items[0].event?.eventID == "l1")
        #expect(items[1].invalidBody == Data(line2.utf8))
        #expect(items[1].errors.first?.reason.hasPrefix("is not valid JSON") == true)
        #expect(items[2].event?.eventID == "l3")
    }

    @Test("whole-body garbage is one invalid item holding the whole body", arguments: [
        ("", "is empty"), ("   \n", "is empty"), ("[]", "is an empty array"), ("not json at all", "is not valid JSON"),
        ("[{\"a\":1},", "is not valid JSON"), ("\"just a string\"", "expected an event object"),
    ])
    func garbage(body: String, reason: String) throws {
        let item = try single(decode(.canonical, body))
        #expect(item.invalidBody == Data(body.utf8))
        #expect(item.errors.count == 1)
        #expect(item.errors.first?.path == "body")
        #expect(item.errors.first?.reason.hasPrefix(reason) == true, "\(item.errors)")
    }

    @Test("bytes that are not UTF-8 are rejected whole")
    func notUTF8() throws {
        let body = try FixturePaths.data("bad/garbage.bin")
        let item = try single(decoder.decode(body: body, headers: [:]))
        #expect(item.invalidBody == body)
        #expect(item.errors == [FieldError(path: "body", reason: "is not UTF-8 text; expected JSON")])
    }

    @Test("deep nesting is refused before parsing")
    func deepNesting() throws {
        let body = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let item = try single(decode(.canonical, body))
        #expect(item.errors.first?.reason.contains("levels deep") == true)
    }

    @Test("unknown attributes are kept; nested objects become dotted names")
    func extraAttributes() throws {
        let body = #"{"event_type":"employee.updated","event_id":"x1","timestamp":"2024-03-01T10:00:00Z","data":{"employee_id":"E1","cost_center":"CC-42","seniority":3,"remote":true,"skills":["swift","go"],"address":{"city":"Oslo","geo":{"lat":59.9}}}}"#
        let event = try #require(try single(decode(.canonical, body)).event)
        #expect(event.data["cost_center"] == .string("CC-42"))
        #expect(event.data["seniority"] == .int(3))
        #expect(event.data["remote"] == .bool(true))
        #expect(event.data["skills"] == .list([.string("swift"), .string("go")]))
        #expect(event.data["address.city"] == .string("Oslo"))
        #expect(event.data["address.geo.lat"] == .double(59.9))
    }

    @Test("a byte-order mark and surrounding whitespace are tolerated")
    func byteOrderMark() throws {
        let text = "\u{FEFF}\n  " + (try String(contentsOf: FixturePaths.fixture("events/01-sarah-chen-hired.json"), encoding: .utf8)) + "\n\n"
        #expect(try single(decode(.canonical, text)).event?.eventID == "evt_2024_01_15_001")
    }
}
