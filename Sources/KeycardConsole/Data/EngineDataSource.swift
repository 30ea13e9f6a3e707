import Foundation
import KeycardCore
import KeycardEngine
import KeycardPolicy
import KeycardStore

/// The console over a real, embedded `Engine` and its store: snapshots read the store through the engine's queries,
/// commands go to the engine API (refusals come back as errors with the engine's reason), and the engine's
/// `RunEvent`s drive the refresh, coalesced.
public final class EngineDataSource: ConsoleDataSource {
    /// Replays one dead letter through intake (which the console does not link); returns the flash-line result.
    public typealias DeadLetterReplay = @Sendable (_ deadLetterID: Int64, _ actor: String) async throws -> String

    public let engine: Engine
    public let database: KeycardDatabase
    let policies: PolicySet?
    let organization: String
    /// Who acts for commands that do not name a person (retry, replay).
    let actor: String
    let readOnly: Bool
    let replayDeadLetter: DeadLetterReplay?
    let clock: any KeycardClock
    let limits: Limits
    let displayNames: [String: String]
    let executing: Bool
    let storePollInterval: Duration?
    let systems: [SystemCapabilities]
    private let feed: EngineChangeFeed
    let auditChain = AuditChainCache()

    /// How much each list holds; the newest items are kept.
    public struct Limits: Sendable {
        public var runs: Int
        public var events: Int
        public var audit: Int

        public init(runs: Int = 2_000, events: Int = 300, audit: Int = 200) {
            self.runs = runs
            self.events = events
            self.audit = audit
        }
    }

    /// - Parameters:
    ///   - policies: when given, an employee's access is explained from them (grants with their justifications).
    ///   - readOnly: refuse every command here too, whatever the console asks.
    ///   - replayDeadLetter: how `r` on a dead letter replays it; without it, replay says it is not available.
    ///   - executing: false when this engine was not started (the console only watches the store): shown as `watching`.
    ///   - storePollInterval: also notice commits of other processes on the same database, checked this often.
    ///   - coalescing: minimum time between two change ticks.
    public init(
        engine: Engine, organization: String, policies: PolicySet? = nil, actor: String, readOnly: Bool = false,
        replayDeadLetter: DeadLetterReplay? = nil, executing: Bool = true, storePollInterval: Duration? = nil,
        clock: any KeycardClock = SystemClock(), limits: Limits = Limits(), coalescing: Duration = .milliseconds(100)
    ) {
        self.executing = executing
        self.storePollInterval = storePollInterval
        self.engine = engine
        self.database = engine.database
        self.policies = policies
        self.organization = organization
        self.actor = actor
        self.readOnly = readOnly
        self.replayDeadLetter = replayDeadLetter
        self.clock = clock
        self.limits = limits
        self.systems = engine.planner.catalog.systemNames.compactMap { engine.planner.catalog.systems[$0] }
        self.displayNames = engine.planner.catalog.systems.mapValues(\.displayName)
        self.feed = EngineChangeFeed(interval: coalescing)
    }

    public func changes() -> AsyncStream<Void> {
        feed.ticks(from: engine.events, external: storePollInterval.map { StoreChangeWatcher.changes(of: database, every: $0) })
    }

    /// Tells open consoles that something the engine does not publish changed (an HR event arrived).
    public func notifyChanged() {
        feed.poke()
    }

    public func snapshot(focus: ConsoleFocus) async throws -> ConsoleSnapshot {
        let now = clock.now
        let summaries = try engine.runs(limit: limits.runs)
        let runs = summaries.map(EngineRowMapping.runRow)
        var runsByID = Dictionary(summaries.map { ($0.run.id, $0.run) }, uniquingKeysWith: { first, _ in first })
        let failedSteps = try engine.failures()
        let openApprovals = try engine.approvalQueue()
        for id in Set(failedSteps.map(\.runID) + openApprovals.map(\.runID)) where runsByID[id] == nil {
            runsByID[id] = try database.run(id: id)
        }
        let failures = failedSteps.map {
            EngineRowMapping.failureRow($0, run: runsByID[$0.runID], displayNames: displayNames, now: now)
        }
        let rules = ApproverRules(groups: engine.configuration.approvals.groups)
        let approvals = try openApprovals.map { approval in
            EngineRowMapping.approvalRow(approval, run: runsByID[approval.runID], step: try database.step(id: approval.stepID), rules: rules)
        }
        let paused = try engine.isPaused()
        let records = try database.employeeRecords()
        let names = Dictionary(records.map { ($0.employee.id, $0.employee.displayName) }, uniquingKeysWith: { first, _ in first })
        let runCounts = Dictionary(grouping: summaries, by: \.run.employee.id).mapValues(\.count)
        let employees = records.map { record in
            StoreRowMapping.employeeRow(
                record, accessCount: record.status == .terminated ? 0 : (policies?.evaluate(record.employee).count ?? 0),
                runCount: runCounts[record.employee.id] ?? 0, now: now)
        }
        let auditTail = try database.auditTail(limit: limits.audit)
        return ConsoleSnapshot(
            organization: organization, databasePath: database.path, engineState: paused ? .paused : (executing ? .running : .watching), takenAt: now,
            runs: runs, failures: failures, approvals: approvals, employees: employees,
            systems: await systemRows(failures: failedSteps, paused: paused), events: try eventRows(names: names, runs: summaries),
            audit: auditTail.reversed().map { StoreRowMapping.auditRow($0, names: names) },
            auditChain: auditChain.status(database: database, headHash: auditTail.last?.hash, now: now),
            runDetail: try focus.runID.flatMap { try runDetail(RunID($0), rows: runs) },
            employeeDetail: try focus.employeeID.flatMap { try employeeDetail($0, now: now, names: names) })
    }

    func systemRows(failures: [Step], paused: Bool) async -> [SystemRow] {
        let loads = Dictionary(await engine.systemLoads().map { ($0.system, $0) }, uniquingKeysWith: { first, _ in first })
        let failed = Dictionary(grouping: failures, by: \.system).mapValues(\.count)
        return systems.map { capabilities in
            StoreRowMapping.systemRow(
                capabilities, load: loads[capabilities.system], limits: engine.configuration.limits(for: capabilities.system),
                failed: failed[capabilities.system] ?? 0, paused: paused)
        }
    }

    func eventRows(names: [String: String], runs: [RunSummary]) throws -> [EventRow] {
        let runIDs = Dictionary(
            runs.compactMap { summary in summary.run.eventID.map { ($0, summary.run.id.rawValue) } },
            uniquingKeysWith: { first, _ in first })
        let stored = try database.events(limit: limits.events).map { StoreRowMapping.eventRow($0, names: names, runIDs: runIDs) }
        let letters = try database.deadLetters(limit: limits.events).map(StoreRowMapping.eventRow)
        return (stored + letters).sorted { $0.receivedAt > $1.receivedAt }
    }

    func runDetail(_ id: RunID, rows: [RunRow]) throws -> RunDetailModel? {
        let detail: RunDetail
        do {
            detail = try engine.run(id)
        } catch {
            if case .notFound = error { return nil }
            throw error
        }
        let row = rows.first { $0.id == id.rawValue } ?? EngineRowMapping.runRow(detail)
        return EngineRowMapping.runDetail(detail, row: row, displayNames: displayNames)
    }
}
