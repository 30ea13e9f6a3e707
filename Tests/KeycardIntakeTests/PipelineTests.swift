import Foundation
import KeycardCore
import KeycardIntake
import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Intake pipeline: decode, store, replay")
struct PipelineTests {
    let start = EventFactory.epoch

    @Test("the fixture folder ingests with nothing rejected, and Sarah Chen is stored")
    func fixtureEvents() throws {
        let test = try TestDatabase()
        let pipeline = IntakePipeline(database: test.database, clock: ManualClock(start))
        let folder = FixturePaths.repositoryRoot.appendingPathComponent("fixtures/events")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 3)
        var outcomes: [IngestOutcome] = []
        for file in files {
            outcomes += try pipeline.ingest(source: .canonical, body: try Data(contentsOf: folder.appendingPathComponent(file)))
        }
        #expect(!outcomes.contains { if case .rejected = $0 { true } else { false } })
        let sarah = try #require(try test.database.employees().first { $0.email == "sarah.chen@company.com" })
        #expect(sarah.string("job_title") == "Sales Engineer")
        #expect(try test.database.employeeRecords().contains { $0.status == .terminated })
    }

    @Test("a rejected delivery replays with a corrected body and its dead letter is marked replayed")
    func replayWithFix() throws {
        let test = try TestDatabase()
        let pipeline = IntakePipeline(database: test.database, clock: ManualClock(start))
        let bad = Data(#"{"event_type":"employee.hired","event_id":"fix-1","timestamp":"2024-01-15T09:00:00Z","data":{"employee_id":"R1"}}"#.utf8)
        let outcomes = try pipeline.ingest(source: .canonical, body: bad)
        guard case .rejected(let id, let errors) = outcomes.first else {
            Issue.record("expected a rejection, got \(outcomes)")
            return
        }
        #expect(errors.count > 1)
        let fixed = WebhookServerTests.hireBody("R1", eventID: "fix-1")
        let replayed = try pipeline.replay(deadLetterID: id, fixedBody: fixed)
        #expect(replayed == [.accepted(eventID: "fix-1", employeeID: "R1")])
        #expect(try test.database.deadLetter(id: id)?.status == .replayed)
        #expect(throws: IntakeError.self) { try pipeline.replay(deadLetterID: id) }
    }

    @Test("replaying unchanged bytes that are still bad keeps the dead letter open")
    func replayStillBad() throws {
        let test = try TestDatabase()
        let pipeline = IntakePipeline(database: test.database, clock: ManualClock(start))
        let outcomes = try pipeline.ingest(source: .canonical, body: Data("not json".utf8))
        guard case .rejected(let id, _) = outcomes.first else {
            Issue.record("expected a rejection")
            return
        }
        let again = try pipeline.replay(deadLetterID: id)
        #expect(again.allSatisfy { if case .rejected = $0 { true } else { false } })
        #expect(try test.database.deadLetter(id: id)?.status == .open)
    }
}
