import Foundation
import KeycardConsole
import KeycardCore
import KeycardStore
import KeycardTestSupport
import Testing

/// What the console shows of the store beside runs: employees, intake events and dead letters, and the dead-letter keys.
@Suite("EngineDataSource store views")
struct EngineDataSourceStoreTests {
    /// Sarah's hire as intake stored it, and a delivery rejected with a field error.
    static func ingest(into database: KeycardDatabase) throws {
        let hire = EventFactory.hire(
            "E123", eventID: "hire-E123", attributes: ["first_name": .string("Sarah"), "last_name": .string("Chen")])
        let delivery = RawDelivery(source: "canonical", body: Data("{}".utf8), receivedAt: EventFactory.epoch)
        _ = try database.ingest(delivery, items: [.event(hire)], now: EventFactory.epoch)
        let bad = Data(#"{"event_type":"employee.hired","employee_id":"E999","data":{}}"#.utf8)
        _ = try database.ingest(
            RawDelivery(source: "canonical", body: bad, receivedAt: EventFactory.epoch),
            items: [.invalid([FieldError(path: "data.email", reason: "missing (required for a hire)")], body: bad)],
            now: EventFactory.epoch.addingTimeInterval(60))
    }

    @Test func employeesEventsAndDeadLettersAreMapped() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        try Self.ingest(into: fixture.database.database)
        let source = fixture.dataSource()
        let snapshot = try await source.snapshot(focus: ConsoleFocus(employeeID: "E123"))
        let sarah = try #require(snapshot.employees.first { $0.id == "E123" })
        #expect(sarah.name == "Sarah Chen")
        #expect(sarah.runCount == 1)
        #expect(snapshot.events.map(\.status) == [.deadLetter, .accepted])
        #expect(snapshot.events.first?.employee == "unknown (E999)")
        #expect(snapshot.events.first?.fieldErrors == [FieldError(path: "data.email", reason: "missing (required for a hire)")])
        let detail = try #require(snapshot.employeeDetail)
        #expect(detail.runs.map(\.id) == [fixture.runID.rawValue])
        #expect(detail.access.contains { $0.grant == "okta:add_to_group group=sales-team" && $0.state == .succeeded })
        #expect(detail.attributes.contains { $0 == ("email", "e123@company.com") })
    }

    @Test func discardAndReplayOfADeadLetter() async throws {
        let fixture = try await EngineConsoleFixture()
        defer { Task { await fixture.stop() } }
        try Self.ingest(into: fixture.database.database)
        let console = try await EngineConsoleDriver(source: fixture.dataSource(), actor: EngineConsoleFixture.manager)
        try await console.press(":events<enter>/status:dead-letter<enter>r")
        #expect(console.flash == .error("replay is not available in this console"))
        try await console.press("x<tab><enter>")
        let deadLetterID = try #require(try fixture.database.database.deadLetters().first?.id)
        #expect(console.flash == Flash("discarded dl-\(deadLetterID)"))
        #expect(try fixture.database.database.deadLetter(id: deadLetterID)?.status == .discarded)
        #expect(console.state.snapshot.audit.first?.action == "discard_dead_letter")
    }
}
