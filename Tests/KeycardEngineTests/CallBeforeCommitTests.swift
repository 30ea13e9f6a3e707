import Foundation
import GRDB
import KeycardCore
import KeycardEngine
import KeycardStore
import KeycardTestSupport
import Synchronization
import Testing

/// When a call may go out before the transition that starts it is durable: at once when the adapter makes it safe to
/// repeat, only after the commit when it does not. The store's write lock, held by another connection, stands for a
/// slow disk: a commit cannot finish while it is held.
@Suite("Calls and their commits")
struct CallBeforeCommitTests {
    /// `open` takes the write lock; `repeatable` and `once` both need it done; only `repeatable` is safe to repeat.
    static let capabilities = SystemCapabilities(system: "lockstep", displayName: "Lockstep", actions: [
        ActionCapability(name: "open", kind: .account),
        ActionCapability(name: "repeatable", kind: .membership, requires: ["open"]),
        ActionCapability(name: "once", kind: .membership, requires: ["open"], idempotentByLookup: false),
    ])

    /// What the dependent call saw when it was made.
    struct Observation: Sendable {
        var lockHeld: Bool
        var storedState: String?
    }

    /// `open` takes the lock (and gives it back after `holdFor` at the latest); the dependent call records what it saw.
    final class LockstepAdapter: SystemAdapter {
        let capabilities = CallBeforeCommitTests.capabilities
        let lock: WriteLock
        let database: KeycardDatabase
        let holdFor: Duration
        let seen = Mutex<[String: Observation]>([:])

        init(lock: WriteLock, database: KeycardDatabase, holdFor: Duration) {
            self.lock = lock
            self.database = database
            self.holdFor = holdFor
        }

        func perform(_ request: AdapterRequest) async throws(AdapterError) -> AdapterConfirmation {
            if request.action == "open" {
                do { try lock.take() } catch { throw AdapterError(.permanent, "could not take the lock: \(error)") }
                // On a dispatch queue, not a task: the engine's poll may block cooperative threads on this very lock.
                let lock = self.lock
                DispatchQueue.global().asyncAfter(deadline: .now() + holdFor.timeInterval) { lock.release() }
            } else {
                let held = lock.isHeld
                lock.release()
                // Room for any commit the call does not wait for: a recorded start would be in the store by then.
                if request.action == "repeatable" { try? await Task.sleep(for: .milliseconds(300)) }
                let stored = try? await database.pool.read { db in
                    try String.fetchOne(
                        db, sql: "SELECT state FROM steps WHERE idempotency_key = ?", arguments: [request.idempotencyKey])
                }
                seen.withLock { $0[request.action] = Observation(lockHeld: held, storedState: stored ?? nil) }
            }
            return AdapterConfirmation(confirmationID: request.idempotencyKey)
        }
    }

    /// A step's attempts as the run's detail shows them, and how many rows of its own they have in `step_attempts`.
    private static func attempts(
        of action: String, run: RunID, in database: KeycardDatabase
    ) throws -> (attempts: [StepAttempt], rows: Int) {
        let detail = try #require(try database.runDetail(id: run))
        let step = try #require(detail.steps.first { $0.action == action })
        let rows = try database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM step_attempts WHERE step_id = ?", arguments: [step.id.rawValue])
        }
        return (detail.attempts.filter { $0.stepID == step.id }, rows ?? -1)
    }

    private func run(
        _ action: String, holdFor: Duration
    ) async throws -> (RunState, Observation?, (attempts: [StepAttempt], rows: Int)) {
        let test = try TestDatabase()
        let lock = try WriteLock(path: test.path)
        let adapter = LockstepAdapter(lock: lock, database: test.database, holdFor: holdFor)
        // No poll after the first: it writes the store from the engine's actor and would wait there for the lock.
        var configuration = Fixtures.fastConfiguration
        configuration.pollInterval = 3600
        let engine = Engine(
            database: test.database, catalog: CapabilityCatalog([Self.capabilities]), adapters: [adapter],
            configuration: configuration, owner: "lockstep")
        await engine.start()
        let request = PlanRequest.joiner(
            Fixtures.sarah, grants: [Grant(system: "lockstep", action: "open"), Grant(system: "lockstep", action: action)])
        let id = try await engine.submit(request, requestedBy: "hris:test")
        let state = try await engine.wait(for: id)
        await engine.stop()
        lock.release()
        return (state, adapter.seen.withLock { $0[action] }, try Self.attempts(of: action, run: id, in: test.database))
    }

    @Test("a call safe to repeat goes out while the commits before it still wait for the disk")
    func repeatableCallDoesNotWaitForItsStart() async throws {
        let (state, seen, _) = try await run("repeatable", holdFor: .seconds(5))
        #expect(state == .succeeded)
        #expect(seen?.lockHeld == true, "the call waited for the commit it does not need")
    }

    @Test("""
        a call safe to repeat is recorded once, with its outcome: the store never saw it running, and its first \
        attempt's success is its step's row (no attempt row), shown as that attempt
        """)
    func repeatableCallIsRecordedWithItsOutcome() async throws {
        let (state, seen, (attempts, rows)) = try await run("repeatable", holdFor: .milliseconds(50))
        #expect(state == .succeeded)
        #expect(seen?.storedState == "pending", "the start of a call safe to repeat was written before its outcome")
        #expect(rows == 0, "a first attempt that succeeded was written to step_attempts")
        try #require(attempts.count == 1)
        #expect(attempts[0].number == 1 && !attempts[0].compensation)
        #expect(attempts[0].outcome == .succeeded)
        #expect(attempts[0].confirmationID != nil)
        let finished = try #require(attempts[0].finishedAt)
        #expect(finished.timeIntervalSince(attempts[0].startedAt) >= 0.3,
                "the attempt's start is when the call went out, not when it was recorded")
    }

    @Test("a call not safe to repeat goes out only once its start is durable")
    func unrepeatableCallWaitsForItsStart() async throws {
        let (state, seen, (attempts, rows)) = try await run("once", holdFor: .milliseconds(300))
        #expect(state == .succeeded)
        #expect(seen?.lockHeld == false, "the call went out while its start could not have been committed")
        #expect(seen?.storedState == "running")
        #expect(rows == 1, "the recorded start is a row, finished with the outcome")
        #expect(attempts.count == 1)
        #expect(attempts.first?.outcome == .succeeded)
    }
}
