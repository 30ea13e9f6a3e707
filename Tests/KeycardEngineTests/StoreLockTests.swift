import Foundation
import KeycardEngine
import KeycardTestSupport
import Testing

/// The engine while another process (a command-line tool, a long checkpoint) holds the store's write lock.
@Suite("Store lock held elsewhere")
struct StoreLockTests {
    @Test("a poll waiting for the lock does not hold the engine: its queries still answer")
    func pollWaitsOffTheActor() async throws {
        let harness = try EngineHarness()
        await harness.engine.start()
        let lock = try WriteLock(path: harness.database.path)
        try lock.take()
        // Polls every 50 ms: several claims are now waiting for the lock (SQLite's busy timeout is 10 s).
        try await Task.sleep(for: .milliseconds(300))
        let asked = ContinuousClock.now
        _ = await harness.engine.systemLoads()
        let waited = ContinuousClock.now - asked
        lock.release()
        await harness.engine.stop()
        #expect(waited < .seconds(2), "the engine's actor was held \(waited) by a poll waiting for the lock")
    }
}
