import Foundation
@testable import KeycardEngine
import KeycardCore
import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Commit delay")
struct CommitDelayTests {
    private func note(_ index: Int) -> [EngineChange] {
        [.auditEntry(AuditEntry(
            timestamp: Date(timeIntervalSince1970: Double(index)), action: "note \(index)", result: "ok", actor: "ops"))]
    }

    /// Waits for the ticket as the engine's event publishing does: without asking the writer to hurry.
    private func settled(_ ticket: CommitTicket) async -> EngineChangeResult {
        await withCheckedContinuation { continuation in ticket.onResult { continuation.resume(returning: $0) } }
    }

    @Test("a group nobody waits for waits for company, and the delay ends", .timeLimit(.minutes(1)))
    func unawaitedGroupsWaitForCompany() async throws {
        let store = try TestDatabase()
        let patient = TransitionWriter(database: store.database, delay: .seconds(3600))
        let first = patient.enqueue(note(0))
        try await Task.sleep(for: .milliseconds(20))
        #expect(first.settled == nil)
        let second = patient.enqueue(note(1))
        #expect(await second.result().isApplied)
        #expect(first.settled?.isApplied == true)
        #expect(patient.counters.transactions == 1 && patient.counters.groups == 2)

        let brief = TransitionWriter(database: store.database, delay: .milliseconds(20))
        #expect(await settled(brief.enqueue(note(2))).isApplied)
        #expect(try store.database.verifyAudit().isOK)
    }

    @Test("a group somebody awaits is committed at once, with everything queued before it", .timeLimit(.minutes(1)))
    func awaitedGroupIsNotDelayed() async throws {
        let store = try TestDatabase()
        let writer = TransitionWriter(database: store.database, delay: .seconds(3600))
        let first = writer.enqueue(note(0))
        let second = writer.enqueue(note(1))
        #expect(await second.result().isApplied)
        #expect(first.settled?.isApplied == true)
        #expect(writer.counters.transactions == 1)
        #expect(try store.database.verifyAudit().isOK)
    }

    private func run(_ state: RunState) -> Run {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        return Run(
            id: "run-1", kind: .joiner, employee: Employee(id: "E1", attributes: [:]), state: state,
            requestedBy: "test", eventID: nil, tierNames: [], createdAt: now, dueAt: now, finishedAt: now)
    }

    @Test("a group that finishes a run nobody waits for waits for company like any other", .timeLimit(.minutes(1)))
    func finishingARunIsDelayedLikeAnyOther() async throws {
        let store = try TestDatabase()
        let writer = TransitionWriter(database: store.database, delay: .seconds(3600))
        let finishing = writer.enqueue([.updateRun(run(.succeeded))])
        try await Task.sleep(for: .milliseconds(20))
        #expect(finishing.settled == nil)
        #expect(await finishing.result().isApplied)
    }

    @Test("the state changes of a run somebody waits for are committed at once, queued before the wait or after it",
          .timeLimit(.minutes(1)))
    func watchedRunIsNotDelayed() async throws {
        let store = try TestDatabase()
        let writer = TransitionWriter(database: store.database, delay: .seconds(3600))
        let run = run(.awaitingApproval)
        let unwatched = writer.enqueue([.updateRun(run)])
        try await Task.sleep(for: .milliseconds(20))
        #expect(unwatched.settled == nil)
        writer.watch("run-1")
        _ = await settled(unwatched)
        let later = writer.enqueue([.updateRun(run)])
        _ = await settled(later)
        writer.unwatch("run-1")
        let afterwards = writer.enqueue([.updateRun(run)])
        try await Task.sleep(for: .milliseconds(20))
        #expect(afterwards.settled == nil)
        _ = await afterwards.result()
    }

    @Test("a transaction nobody waits for holds up to maxRows; one somebody waits for at most awaitedMaxRows",
          .timeLimit(.minutes(1)))
    func awaitedTransactionsAreSmaller() async throws {
        let store = try TestDatabase()
        let writer = TransitionWriter(database: store.database, maxRows: 20, awaitedMaxRows: 4, delay: .seconds(3600))
        let unawaited = (0..<20).map { writer.enqueue(note($0)) }
        #expect(await settled(unawaited[19]).isApplied)
        #expect(writer.counters.transactions == 1)

        let awaited = (20..<30).map { writer.enqueue(note($0)) }
        #expect(await awaited[9].result().isApplied)
        #expect(writer.counters.transactions == 1 + 3)
        #expect(writer.counters.groups == 30)
        #expect(try store.database.verifyAudit().isOK)
    }
}
