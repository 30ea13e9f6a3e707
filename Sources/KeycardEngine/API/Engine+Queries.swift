import Foundation
import KeycardCore
import KeycardStore

extension Engine {
    public func isPaused() throws(EngineError) -> Bool {
        try store { try database.engineIsPaused() }
    }

    /// Runs with progress, newest first.
    public func runs(states: [RunState]? = nil, employeeID: String? = nil, limit: Int = 500) throws(EngineError) -> [RunSummary] {
        try store { try database.runSummaries(states: states, employeeID: employeeID, limit: limit) }
    }

    /// One run with its steps by tier, attempts (the timeline) and approvals.
    public func run(_ id: RunID) throws(EngineError) -> RunDetail {
        guard let detail = try store({ try database.runDetail(id: id) }) else {
            throw .notFound(kind: "run", id: id.rawValue)
        }
        return detail
    }

    public func step(_ id: StepID) throws(EngineError) -> Step {
        guard let step = try store({ try database.step(id: id) }) else { throw .notFound(kind: "step", id: id.rawValue) }
        return step
    }

    /// Every failed step across runs.
    public func failures() throws(EngineError) -> [Step] {
        try store { try database.failedSteps() }
    }

    /// Approval requests waiting for an answer.
    public func approvalQueue() throws(EngineError) -> [Approval] {
        try store { try database.openApprovals() }
    }

    /// Each system's in-flight calls, queue depth, rate budget and ETA in this engine process.
    public func systemLoads() async -> [SystemLoad] {
        await executor.loads()
    }

    /// Transactions and step-change groups committed by this engine, and its writer thread's CPU (to see group commit
    /// at work).
    public var commitCounters: CommitCounters { writer.counters }

    /// Waits until the run's state satisfies `condition` (by default: finished); returns that state. A run this engine
    /// has changed is known from its events (the last one published is the last one committed); any other is read.
    /// Only the run's own state changes wake the waiter, and they are committed without the writer's delay.
    @discardableResult
    public func wait(
        for id: RunID, until condition: @escaping @Sendable (RunState) -> Bool = { $0.isTerminal }
    ) async throws(EngineError) -> RunState {
        try await state(of: id, when: condition, hurried: true)
    }

    /// Waits until every run has finished; returns their end states in the order of `ids`. For a batch (an import,
    /// a benchmark): unlike `wait(for:)`, it does not ask the writer to commit at once, so each run's end is learnt
    /// within the group commit's delay and the writer keeps its large transactions.
    public func waitForAll(_ ids: [RunID]) async throws(EngineError) -> [RunState] {
        var states: [RunState] = []
        states.reserveCapacity(ids.count)
        for id in ids { states.append(try await state(of: id, when: { $0.isTerminal }, hurried: false)) }
        return states
    }

    private func state(
        of id: RunID, when condition: @escaping @Sendable (RunState) -> Bool, hurried: Bool
    ) async throws(EngineError) -> RunState {
        var current = hub.lastState(of: id)
        if current == nil {
            guard let run = try store({ try database.run(id: id) }) else { throw .notFound(kind: "run", id: id.rawValue) }
            current = run.state
        }
        if let current, condition(current) { return current }
        if hurried { writer.watch(id) }
        defer { if hurried { writer.unwatch(id) } }
        if let state = await hub.wait(for: id, current: current, until: condition) { return state }
        guard let run = try store({ try database.run(id: id) }) else { throw .notFound(kind: "run", id: id.rawValue) }
        return run.state
    }

    private func store<T>(_ body: () throws -> T) throws(EngineError) -> T {
        do {
            return try body()
        } catch let error as EngineError {
            throw error
        } catch {
            throw .store(String(describing: error))
        }
    }
}
