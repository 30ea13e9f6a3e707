import Foundation
import GRDB
import KeycardCore

extension KeycardDatabase {
    /// Runs with their progress, newest first; optionally only some states or one employee.
    public func runSummaries(states: [RunState]? = nil, employeeID: String? = nil, limit: Int = 500) throws -> [RunSummary] {
        try pool.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let states {
                conditions.append("r.state IN (\(states.map { _ in "?" }.joined(separator: ", ")))")
                for state in states { _ = arguments.append(contentsOf: [state.rawValue]) }
            }
            if let employeeID {
                conditions.append("r.employee_id = ?")
                _ = arguments.append(contentsOf: [employeeID])
            }
            _ = arguments.append(contentsOf: [limit])
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.*,
                  (SELECT COUNT(*) FROM step_states s WHERE s.run_id = r.id) AS step_count,
                  (SELECT COUNT(*) FROM step_states s WHERE s.run_id = r.id
                     AND s.state IN ('succeeded', 'skipped', 'compensated')) AS done_count,
                  (SELECT COUNT(*) FROM step_states s WHERE s.run_id = r.id AND s.state = 'failed') AS failed_count,
                  (SELECT COUNT(*) FROM step_states s WHERE s.run_id = r.id AND s.state = 'awaiting_approval') AS approval_count,
                  (SELECT MIN(s.tier) FROM step_states s WHERE s.run_id = r.id
                     AND s.state NOT IN ('succeeded', 'skipped', 'compensated', 'failed')) AS current_tier
                FROM runs r \(filter) ORDER BY r.created_at DESC, r.id DESC LIMIT ?
                """, arguments: arguments)
            return try rows.map { row in
                RunSummary(
                    run: try EngineRows.run(row), stepCount: row["step_count"], doneCount: row["done_count"],
                    failedCount: row["failed_count"], awaitingApprovalCount: row["approval_count"],
                    currentTier: row["current_tier"])
            }
        }
    }

    public func run(id: RunID) throws -> Run? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id.rawValue]).map(EngineRows.run)
        }
    }

    /// The run, its steps in plan order, every attempt in time order and its approvals.
    public func runDetail(id: RunID) throws -> RunDetail? {
        try pool.read { db in
            guard let run = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id.rawValue])
                .map(EngineRows.run) else { return nil }
            let steps = try Self.steps(of: id, runState: run.state, in: db)
            let attempts = try Row.fetchAll(
                db, sql: "SELECT * FROM step_attempts WHERE run_id = ? ORDER BY started_at, step_id, compensation, number", arguments: [id.rawValue]
            ).map(EngineRows.attempt)
            let approvals = try Row.fetchAll(db, sql: "SELECT * FROM approvals WHERE run_id = ?", arguments: [id.rawValue])
                .map(EngineRows.approval)
            return RunDetail(
                run: run, steps: steps, attempts: StepAttempt.timeline(recorded: attempts, steps: steps),
                approvals: approvals)
        }
    }

    /// Runs with their steps and approvals, for the executor.
    public func storedRuns(_ ids: [RunID]) throws -> [StoredRun] {
        try pool.read { db in
            try ids.compactMap { id in
                guard let run = try Row.fetchOne(
                    db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id.rawValue]).map(EngineRows.run)
                else { return nil }
                let steps = try Row.fetchAll(
                    db, sql: "SELECT * FROM steps WHERE run_id = ? ORDER BY idx", arguments: [id.rawValue]
                ).map(EngineRows.step)
                let approvals = try Row.fetchAll(
                    db, sql: "SELECT * FROM approvals WHERE run_id = ?", arguments: [id.rawValue]
                ).map(EngineRows.approval)
                return StoredRun(run: run, steps: steps, approvals: approvals)
            }
        }
    }

    /// One step; a pending one that is ready shows so (`StepReadiness`, which needs its run's other steps).
    public func step(id: StepID) throws -> Step? {
        try pool.read { db in
            guard let step = try Row.fetchOne(
                db, sql: "SELECT * FROM steps WHERE run_id = ? AND id = ?", arguments: [id.runID.rawValue, id.rawValue]
            ).map(EngineRows.step) else { return nil }
            guard step.state == .pending,
                  let state = try String.fetchOne(db, sql: "SELECT state FROM runs WHERE id = ?", arguments: [step.runID.rawValue]),
                  let runState = RunState(rawValue: state)
            else { return step }
            return try Self.steps(of: step.runID, runState: runState, in: db).first { $0.id == id } ?? step
        }
    }

    /// A run's steps in plan order, pending ones that are ready shown so (`StepReadiness`).
    private static func steps(of run: RunID, runState: RunState, in db: Database) throws -> [Step] {
        let stored = try Row.fetchAll(db, sql: "SELECT * FROM steps WHERE run_id = ? ORDER BY idx", arguments: [run.rawValue])
            .map(EngineRows.step)
        return StepReadiness.apply(to: stored, runState: runState)
    }

    /// Every failed step across runs, newest first.
    public func failedSteps(limit: Int = 500) throws -> [Step] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT v.* FROM (SELECT run_id, idx, finished_at FROM step_states WHERE state = 'failed'
                                     ORDER BY finished_at DESC LIMIT ?) f
                    JOIN steps v ON v.run_id = f.run_id AND v.idx = f.idx ORDER BY f.finished_at DESC
                    """, arguments: [limit]
            ).map(EngineRows.step)
        }
    }

    /// Approvals still waiting for a decision (pending or escalated), oldest first.
    public func openApprovals() throws -> [Approval] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM approvals WHERE status IN ('pending', 'escalated') ORDER BY requested_at"
            ).map(EngineRows.approval)
        }
    }

    public func approval(stepID: StepID) throws -> Approval? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM approvals WHERE step_id = ?", arguments: [stepID.rawValue])
                .map(EngineRows.approval)
        }
    }

    /// The engine's kill switch as stored.
    public func engineIsPaused() throws -> Bool {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM engine_state WHERE key = 'paused'") == "true"
        }
    }

    /// Queued operator commands not yet processed, oldest first.
    public func openEngineCommands() throws -> [EngineCommand] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM engine_commands WHERE processed_at IS NULL ORDER BY id").map(Self.command)
        }
    }

    public func engineCommand(id: Int64) throws -> EngineCommand? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM engine_commands WHERE id = ?", arguments: [id]).map(Self.command)
        }
    }

    /// Queues a command and returns its id.
    public func enqueueEngineCommand(_ command: EngineCommand) throws -> Int64 {
        try pool.write { db in
            try EngineWrites.insertCommand(command, in: db)
            return db.lastInsertedRowID
        }
    }

    private static func command(_ row: Row) -> EngineCommand {
        let step: String? = row["step_id"]
        return EngineCommand(
            id: row["id"], runID: RunID(row["run_id"] as String), stepID: step.map { StepID($0) }, command: row["command"],
            actor: row["actor"], reason: row["reason"], createdAt: EngineRows.date(row, "created_at")!,
            processedAt: EngineRows.date(row, "processed_at"), result: row["result"])
    }
}
