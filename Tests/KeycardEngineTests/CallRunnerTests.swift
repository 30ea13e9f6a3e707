import Foundation
@testable import KeycardEngine
import Synchronization
import Testing

@Suite("Call runner")
struct CallRunnerTests {
    /// Whether a job ran, set from the runner's thread.
    final class Flag: Sendable {
        private let value = Mutex(false)
        var isSet: Bool { value.withLock { $0 } }
        func set() { value.withLock { $0 = true } }

        func wait(seconds: Double) async throws {
            let end = Date().addingTimeInterval(seconds)
            while !isSet, Date() < end { try await Task.sleep(for: .milliseconds(5)) }
        }
    }

    /// Starts the runner's thread and waits until it parks with nothing to run.
    private func parked(_ runner: CallRunner) async throws {
        await Task(executorPreference: runner) {}.value
        let end = Date().addingTimeInterval(10)
        while !runner.isParked, Date() < end { try await Task.sleep(for: .milliseconds(5)) }
        try #require(runner.isParked)
    }

    @Test("a task preferring the runner runs on its thread", .timeLimit(.minutes(1)))
    func runsOnItsThread() async throws {
        let runner = CallRunner(idleLifetime: 60)
        let name = await Task(executorPreference: runner) { threadName() }.value
        #expect(name == "keycard-calls")
        #expect(runner.isRunning)
    }

    @Test("jobs the holding thread enqueues wait for release; release runs them", .timeLimit(.minutes(1)))
    func heldUntilRelease() async throws {
        let runner = CallRunner(idleLifetime: 60)
        try await parked(runner)
        let ran = Flag()
        runner.hold()
        let task = Task(executorPreference: runner) { ran.set() }
        try await Task.sleep(for: .milliseconds(100))
        #expect(!ran.isSet, "a held job ran before release")
        runner.release()
        await task.value
        #expect(ran.isSet)
    }

    @Test("a job another thread enqueues while one holds runs without waiting for release", .timeLimit(.minutes(1)))
    func otherThreadsAreNotHeld() async throws {
        let runner = CallRunner(idleLifetime: 60)
        try await parked(runner)
        let ran = Flag()
        runner.hold()
        let thread = Thread { Task(executorPreference: runner) { ran.set() } }
        thread.start()
        try await ran.wait(seconds: 10)
        #expect(ran.isSet)
        runner.release()
    }

    @Test("the thread ends after its idle lifetime without jobs and a new job starts another", .timeLimit(.minutes(1)))
    func endsWhenIdle() async throws {
        let runner = CallRunner(idleLifetime: 0.1)
        let first = await Task(executorPreference: runner) { threadName() }.value
        #expect(first == "keycard-calls")
        let end = Date().addingTimeInterval(10)
        while runner.isRunning, Date() < end { try await Task.sleep(for: .milliseconds(10)) }
        #expect(!runner.isRunning)
        let second = await Task(executorPreference: runner) { threadName() }.value
        #expect(second == "keycard-calls")
    }
}

/// The name Linux lists for the thread running the caller (what `ps -L` and `perf` show).
private func threadName() -> String? {
    (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8))?.trimmingCharacters(in: .newlines)
}
