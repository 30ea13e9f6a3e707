import Foundation
@testable import KeycardEngine
import KeycardCore
import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Group commit sizing")
struct TransitionWriterTests {
    private func run(_ number: Int) -> RunID { RunID("run-\(number)") }

    @Test("transitions go first, in order, each after its run's creation; new runs fill the room left")
    func transitionsBeforeNewRuns() {
        let queue = [
            GroupFootprint(rows: 25, creates: run(1), touches: [run(1)]),
            GroupFootprint(rows: 25, creates: run(2), touches: [run(2)]),
            GroupFootprint(rows: 25, creates: run(3), touches: [run(3)]),
            GroupFootprint(rows: 2, touches: [run(3)]),
            GroupFootprint(rows: 2, touches: [run(0)]),
        ]
        #expect(CommitBatch.select(queue, maxRows: 30) == [2, 3, 4])
        #expect(CommitBatch.select(queue, maxRows: 60) == [2, 3, 4, 0])
        #expect(CommitBatch.select(queue, maxRows: 1000) == [2, 3, 4, 0, 1])
    }

    @Test("a transition that does not fit stops the batch: later transitions never overtake it")
    func transitionsKeepTheirOrder() {
        let queue = [
            GroupFootprint(rows: 3, touches: [run(1)]),
            GroupFootprint(rows: 25, creates: run(2), touches: [run(2)]),
            GroupFootprint(rows: 2, touches: [run(2)]),
            GroupFootprint(rows: 1, touches: [run(1)]),
        ]
        #expect(CommitBatch.select(queue, maxRows: 10) == [0])
        #expect(CommitBatch.select(Array(queue.dropFirst()), maxRows: 10) == [0, 1])
        #expect(CommitBatch.select(Array(queue.dropFirst()), maxRows: 28) == [0, 1, 2])
        #expect(CommitBatch.select([GroupFootprint(rows: 300, touches: [run(1)])], maxRows: 10) == [0])
        #expect(CommitBatch.select([], maxRows: 10).isEmpty)
    }

    @Test("a change of unknown runs (a pause) comes after every run created before it")
    func unknownTouchesWaitForEarlierRuns() {
        let queue = [
            GroupFootprint(rows: 5, creates: run(1), touches: [run(1)]),
            GroupFootprint(rows: 1, touches: nil),
            GroupFootprint(rows: 5, creates: run(2), touches: [run(2)]),
        ]
        #expect(CommitBatch.select(queue, maxRows: 100) == [0, 1, 2])
        #expect(CommitBatch.select(queue, maxRows: 5) == [0, 1])
    }

    @Test("a group's footprint: a new run counts its steps and creates it; operator notes touch unknown runs")
    func footprints() {
        let entry = AuditEntry(timestamp: Date(timeIntervalSince1970: 0), action: "pause", result: "paused", actor: "ops")
        #expect(GroupFootprint([.auditEntry(entry), .setPaused(true, by: "ops", at: Date())]) == GroupFootprint(rows: 2, touches: nil))
        let attempt = StepAttempt(stepID: StepID(run: run(4), index: 0), number: 1, compensation: false, startedAt: Date(), outcome: .running)
        #expect(GroupFootprint([.insertAttempt(attempt, runID: run(4)), .finishAttempt(attempt, runID: run(4))])
            == GroupFootprint(rows: 2, touches: [run(4)]))
    }

    @Test("a queue longer than the cap is committed in several transactions, every group applied in order")
    func largeQueueIsSplit() async throws {
        let store = try TestDatabase()
        let writer = TransitionWriter(database: store.database, maxRows: 4)
        let tickets = (0..<10).map { index in
            writer.enqueue([.auditEntry(AuditEntry(
                timestamp: Date(timeIntervalSince1970: Double(index)), action: "note \(index)", result: "ok", actor: "ops"))])
        }
        for ticket in tickets { #expect(await ticket.result().isApplied) }
        let counters = writer.counters
        #expect(counters.groups == 10)
        #expect(counters.transactions >= 3)
        let actions = try store.database.auditTail(limit: 20).map(\.action)
        #expect(Set(actions) == Set((0..<10).map { "note \($0)" }))
        #expect(try store.database.verifyAudit().isOK)
    }
}
