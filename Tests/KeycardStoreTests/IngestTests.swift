import Foundation
import KeycardCore
@testable import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Durable ingest: dedupe, ordering, holding, dead letters")
struct IngestTests {
    let clockStart = EventFactory.epoch

    func delivery(_ text: String = "{}") -> RawDelivery {
        RawDelivery(source: "canonical", headers: ["X-Test": "1"], body: Data(text.utf8), receivedAt: clockStart)
    }

    @Test("an accepted event is stored once, linked to the exact bytes of its delivery")
    func acceptedEventTracesToBytes() throws {
        let test = try TestDatabase()
        let outcomes = try test.database.ingest(delivery("raw bytes"), items: [.event(EventFactory.hire("E1"))], now: clockStart)
        #expect(outcomes == [.accepted(eventID: "hire-E1", employeeID: "E1")])
        let stored = try #require(try test.database.event(eventID: "hire-E1"))
        #expect(stored.status == .applied)
        #expect(try test.database.delivery(id: stored.deliveryID)?.body == Data("raw bytes".utf8))
        #expect(try test.database.employee(id: "E1")?.string("job_title") == "Sales Engineer")
    }

    @Test("the same event delivered twice is stored once and reported as a duplicate")
    func duplicateDelivery() throws {
        let test = try TestDatabase()
        let hire = EventFactory.hire("E1")
        _ = try test.database.ingest(delivery(), items: [.event(hire)], now: clockStart)
        let second = try test.database.ingest(delivery(), items: [.event(hire)], now: clockStart)
        #expect(second == [.duplicate(eventID: "hire-E1")])
        #expect(try test.database.events().count == 1)
        #expect(try test.database.event(eventID: "hire-E1")?.duplicateCount == 1)
        #expect(try test.database.intakeCounts().deliveries == 2)
    }

    @Test("an update before its hire is held, then applied when the hire arrives")
    func heldUntilHire() throws {
        let test = try TestDatabase()
        let update = EventFactory.update("E2", eventID: "upd-1", at: clockStart.addingTimeInterval(3600),
                                         attributes: ["job_title": .string("Staff Engineer")])
        let first = try test.database.ingest(delivery(), items: [.event(update)], now: clockStart)
        guard case .held(_, _, let reason) = first[0] else {
            Issue.record("expected held, got \(first)")
            return
        }
        #expect(reason.contains("E2"))
        #expect(try test.database.employee(id: "E2") == nil)
        #expect(try test.database.event(eventID: "upd-1")?.status == .held)

        _ = try test.database.ingest(delivery(), items: [.event(EventFactory.hire("E2"))], now: clockStart)
        #expect(try test.database.event(eventID: "upd-1")?.status == .applied)
        #expect(try test.database.employee(id: "E2")?.string("job_title") == "Staff Engineer")
        #expect(try test.database.employeeHistory(id: "E2").map(\.eventID) == ["hire-E2", "upd-1"])
    }

    @Test("events apply in event time: a late, older update does not overwrite a newer one")
    func eventTimeOrdering() throws {
        let test = try TestDatabase()
        _ = try test.database.ingest(delivery(), items: [.event(EventFactory.hire("E3"))], now: clockStart)
        let newer = EventFactory.update("E3", eventID: "new", at: clockStart.addingTimeInterval(7200),
                                        attributes: ["department": .string("Engineering")])
        let older = EventFactory.update("E3", eventID: "old", at: clockStart.addingTimeInterval(3600),
                                        attributes: ["department": .string("Support"), "team": .string("Tier 2")])
        _ = try test.database.ingest(delivery(), items: [.event(newer)], now: clockStart)
        _ = try test.database.ingest(delivery(), items: [.event(older)], now: clockStart)
        let employee = try #require(try test.database.employee(id: "E3"))
        #expect(employee.string("department") == "Engineering")
        #expect(employee.string("team") == "Tier 2")
    }

    @Test("a mover's history keeps before and after attributes and the changed names")
    func moverHistory() throws {
        let test = try TestDatabase()
        _ = try test.database.ingest(delivery(), items: [.event(EventFactory.hire("E4"))], now: clockStart)
        let move = EventFactory.update("E4", eventID: "move", at: clockStart.addingTimeInterval(60),
                                       attributes: ["job_title": .string("Account Executive")])
        _ = try test.database.ingest(delivery(), items: [.event(move)], now: clockStart)
        let last = try #require(try test.database.employeeHistory(id: "E4").last)
        #expect(last.before?["job_title"] == .string("Sales Engineer"))
        #expect(last.after["job_title"] == .string("Account Executive"))
        #expect(last.changed == ["job_title"])
    }

    @Test("termination before the stored hire's start date is dead-lettered with the field named")
    func terminationBeforeHire() throws {
        let test = try TestDatabase()
        _ = try test.database.ingest(delivery(), items: [.event(EventFactory.hire("E5", startDate: "2024-03-01"))], now: clockStart)
        let leave = EventFactory.termination("E5", eventID: "term", at: clockStart, terminationDate: "2024-02-01")
        let outcomes = try test.database.ingest(delivery(), items: [.event(leave)], now: clockStart)
        guard case .rejected(let id, let errors) = outcomes[0] else {
            Issue.record("expected rejection, got \(outcomes)")
            return
        }
        #expect(errors.map(\.path) == ["data.termination_date"])
        #expect(try test.database.deadLetter(id: id)?.status == .open)
        #expect(try test.database.employeeRecord(id: "E5")?.status == .active)
    }

    @Test("invalid items are kept as dead letters with all their errors; valid siblings are stored")
    func deadLetterKeepsErrors() throws {
        let test = try TestDatabase()
        let errors = [FieldError(path: "event_id", reason: "is missing"), FieldError(path: "data.email", reason: "is not an email")]
        let outcomes = try test.database.ingest(
            delivery(), items: [.invalid(errors, body: Data("bad".utf8)), .event(EventFactory.hire("E6"))], now: clockStart)
        #expect(outcomes.count == 2)
        let letters = try test.database.deadLetters(status: .open)
        #expect(letters.count == 1)
        #expect(letters[0].errors == errors)
        #expect(letters[0].body == Data("bad".utf8))
        #expect(try test.database.employee(id: "E6") != nil)
    }

    @Test("a dead letter resolves once: replayed or discarded, never both")
    func resolveDeadLetterOnce() throws {
        let test = try TestDatabase()
        let outcomes = try test.database.ingest(
            delivery(), items: [.invalid([FieldError(path: "x", reason: "y")], body: Data())], now: clockStart)
        guard case .rejected(let id, _) = outcomes[0] else {
            Issue.record("expected rejection")
            return
        }
        try test.database.resolveDeadLetter(id: id, as: .discarded, resolution: "test data", at: clockStart)
        #expect(throws: StoreError.self) {
            try test.database.resolveDeadLetter(id: id, as: .replayed, resolution: "again", at: clockStart)
        }
        #expect(try test.database.deadLetter(id: id)?.resolution == "test data")
    }

    @Test("a termination marks the employee terminated and keeps attributes")
    func terminationApplies() throws {
        let test = try TestDatabase()
        _ = try test.database.ingest(delivery(), items: [.event(EventFactory.hire("E7"))], now: clockStart)
        let leave = EventFactory.termination("E7", eventID: "bye", at: clockStart.addingTimeInterval(86_400 * 60),
                                             terminationDate: "2024-06-30T17:00:00Z")
        _ = try test.database.ingest(delivery(), items: [.event(leave)], now: clockStart)
        let record = try #require(try test.database.employeeRecord(id: "E7"))
        #expect(record.status == .terminated)
        #expect(record.employee.string("termination_date") == "2024-06-30T17:00:00Z")
        #expect(record.employee.string("email") == "e7@company.com")
    }
}
