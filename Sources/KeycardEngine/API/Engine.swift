import Foundation
import KeycardCore
import KeycardStore
import Logging
import Synchronization

/// Keycard's orchestrator: plans runs from grants, stores them, executes them durably, and takes operators' commands.
/// Console and CLI use only this type.
public final class Engine: Sendable {
    public let database: KeycardDatabase
    public let configuration: EngineConfiguration
    public let planner: Planner
    /// The lease owner name of this engine.
    public let owner: String
    let clock: any KeycardClock
    let executor: Executor
    let writer: TransitionWriter
    let hub = RunEventHub()
    private let dueDates: DueDates
    private let plans = PlanCache()
    private let loop = Mutex<Task<Void, Never>?>(nil)

    /// `owner` defaults to `configuration.worker_id`, else the host name: a restarted engine with the same name
    /// takes its own leases back at once. Command-line tools pass a name of their own.
    public init(
        database: KeycardDatabase, catalog: CapabilityCatalog, adapters: [any SystemAdapter],
        configuration: EngineConfiguration = EngineConfiguration(), clock: any KeycardClock = SystemClock(),
        owner: String? = nil, logger: Logger = Logger(label: "keycard.engine")
    ) {
        self.database = database
        self.configuration = configuration
        self.planner = Planner(catalog: catalog)
        self.clock = clock
        self.owner = owner ?? configuration.workerID ?? "keycard@\(ProcessInfo.processInfo.hostName)"
        self.dueDates = DueDates(settings: configuration.schedule)
        self.writer = TransitionWriter(database: database)
        self.executor = Executor(
            database: database, writer: writer, hub: hub, adapters: adapters, configuration: configuration,
            clock: clock, owner: self.owner, logger: logger)
    }

    // MARK: Life cycle

    /// Starts executing: takes over runs that are free or whose lease expired, then runs what is due.
    public func start() async {
        let executor = self.executor
        let started = loop.withLock { task -> Bool in
            guard task == nil else { return false }
            // Ahead of the callers' tasks: a burst of submissions must not hold back the runs already going.
            task = Task(priority: .high) { await executor.run() }
            return true
        }
        if started { await executor.prepare() }
    }

    /// Stops taking work, waits for in-flight steps to finish and releases the leases.
    public func stop() async {
        let task = loop.withLock { task in
            defer { task = nil }
            return task
        }
        guard let task else { return }
        await executor.requestStop()
        await task.value
    }

    /// Every committed run and step change from now on.
    public var events: AsyncStream<RunEvent> { hub.subscribe() }

    // MARK: Planning and submitting

    /// The plan the request would run, with due dates: nothing is stored.
    public func preview(_ request: PlanRequest) throws(EngineError) -> RunPlan {
        try planned(request).plan
    }

    /// The plan with due dates, and the memo of its encoding shared with other runs of the same plan.
    private func planned(_ request: PlanRequest) throws(EngineError) -> (plan: RunPlan, memo: PlanEncodingMemo) {
        do {
            let (plan, memo) = try plans.planWithMemo(request, with: planner)
            return (dueDates.apply(to: plan), memo)
        } catch {
            throw .planning(error)
        }
    }

    /// Plans and stores a run; it executes when due (at once if overdue) in whichever engine process takes it.
    @discardableResult
    public func submit(_ request: PlanRequest, requestedBy: String, eventID: String? = nil) async throws(EngineError) -> RunID {
        let (plan, memo) = try planned(request)
        let stored = RunFactory.make(
            plan: plan, requestedBy: requestedBy, eventID: eventID, configuration: configuration, now: clock.now)
        let encoded: EncodedRun
        do {
            encoded = try EncodedRun(run: stored.run, steps: stored.steps, memo: memo)
        } catch {
            throw .store("could not encode run \(stored.run.id): \(error)")
        }
        let result = await executor.submit(stored, encoded: encoded)
        guard result.isApplied else { throw .store("could not store run \(stored.run.id): \(result)") }
        return stored.run.id
    }

    // MARK: Operator commands

    public func approve(step: StepID, by person: String, reason: String) async throws(EngineError) -> CommandOutcome {
        try await executor.perform(.approve(step, by: person, reason: reason))
    }

    public func deny(step: StepID, by person: String, reason: String) async throws(EngineError) -> CommandOutcome {
        try await executor.perform(.deny(step, by: person, reason: reason))
    }

    /// Retries a failed step now (or one waiting for its backoff), with the steps that were skipped because of it.
    public func retry(step: StepID, by person: String) async throws(EngineError) -> CommandOutcome {
        try await executor.perform(.retryStep(step, by: person))
    }

    /// Retries every failed step of the run.
    public func retry(run: RunID, by person: String) async throws(EngineError) -> CommandOutcome {
        try await executor.perform(.retryRun(run, by: person))
    }

    /// Resolves a step without running it; the steps that depend on it go ahead.
    public func skip(step: StepID, by person: String, reason: String) async throws(EngineError) -> CommandOutcome {
        try await executor.perform(.skip(step, by: person, reason: reason))
    }

    /// Undoes every succeeded step of the run, in reverse dependency order.
    public func rollback(run: RunID, by person: String, reason: String) async throws(EngineError) -> CommandOutcome {
        try await executor.perform(.rollback(run, by: person, reason: reason))
    }

    /// Cancels a run that has not started.
    public func cancel(run: RunID, by person: String, reason: String) async throws(EngineError) -> CommandOutcome {
        try await executor.perform(.cancel(run, by: person, reason: reason))
    }

    /// The kill switch: no new step starts in any engine process until `resume`.
    public func pause(by person: String) async throws(EngineError) {
        try await setPaused(true, by: person)
    }

    public func resume(by person: String) async throws(EngineError) {
        try await setPaused(false, by: person)
    }

    private func setPaused(_ paused: Bool, by person: String) async throws(EngineError) {
        let now = clock.now
        let result = await writer.commit([
            .setPaused(paused, by: person, at: now),
            .auditEntry(AuditEntry(timestamp: now, action: paused ? "pause" : "resume", result: "accepted", actor: person)),
        ])
        guard result.isApplied else { throw .store("could not \(paused ? "pause" : "resume"): \(result)") }
        await executor.setPaused(paused)
        hub.publish([.enginePaused(paused)])
    }
}
