import Foundation
@testable import KeycardEngine
import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Group commit sizing")
struct TransitionWriterTests {
    @Test("a transaction takes queued groups in order while they fit, and always at least one")
    func batchCount() {
        #expect(TransitionWriter.batchCount(rows: [25, 25, 2, 2], maxRows: 50) == 2)
        #expect(TransitionWriter.batchCount(rows: [25, 25, 2, 2], maxRows: 54) == 4)
        #expect(TransitionWriter.batchCount(rows: [300, 1], maxRows: 50) == 1)
        #expect(TransitionWriter.batchCount(rows: [], maxRows: 50) == 0)
    }

    @Test("a new run counts its steps; other changes count one row each")
    func rowsOfChanges() {
        let entry = AuditEntry(timestamp: Date(timeIntervalSince1970: 0), action: "pause", result: "paused", actor: "ops")
        #expect(TransitionWriter.rows([.auditEntry(entry), .setPaused(true, by: "ops", at: Date())]) == 2)
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
