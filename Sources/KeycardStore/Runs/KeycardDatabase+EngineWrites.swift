import Foundation
import GRDB
import KeycardCore

extension KeycardDatabase {
    /// Commits many groups of changes in one transaction (one fsync); each group is all-or-nothing on its own.
    /// Blocks the calling thread: the engine's writer thread, or a command-line tool.
    public func applyEngineBatchSync(_ groups: [[EngineChange]]) throws -> [EngineChangeResult] {
        try pool.write { db in try Self.apply(groups, in: db) }
    }

    /// Applies every group without savepoints first (the common case: nothing conflicts); if one group fails,
    /// the whole attempt is rolled back and redone group by group in savepoints, so only that group fails.
    private static func apply(_ groups: [[EngineChange]], in db: Database) throws -> [EngineChangeResult] {
        struct GroupFailed: Error {}
        do {
            try db.inSavepoint {
                let statements = HotStatements(db)
                var audit = AuditAppender()
                do {
                    for group in groups { try EngineWrites.apply(group, in: db, statements: statements, audit: &audit) }
                } catch {
                    throw GroupFailed()
                }
                try audit.saveHead(in: db)
                return .commit
            }
            return Array(repeating: .applied, count: groups.count)
        } catch is GroupFailed {
            return try applyOneByOne(groups, in: db)
        }
    }

    private static func applyOneByOne(_ groups: [[EngineChange]], in db: Database) throws -> [EngineChangeResult] {
        var results: [EngineChangeResult] = []
        results.reserveCapacity(groups.count)
        let statements = HotStatements(db)
        var audit = AuditAppender()
        for group in groups {
            let auditBefore = audit
            do {
                try db.inSavepoint {
                    try EngineWrites.apply(group, in: db, statements: statements, audit: &audit)
                    return .commit
                }
                results.append(.applied)
            } catch let conflict as EngineWrites.Conflict {
                audit = auditBefore
                results.append(.conflict(conflict.message))
            } catch {
                audit = auditBefore
                results.append(.failed(String(describing: error)))
            }
        }
        try audit.saveHead(in: db)
        return results
    }

    /// Takes the lease of every unfinished run that is free, expired, or already this owner's; returns their ids.
    /// Async: another process holding the write lock (a long checkpoint, a command-line tool) must not block a thread
    /// of the cooperative pool while SQLite waits for it.
    public func claimRuns(owner: String, now: Date, leaseUntil: Date) async throws -> [RunID] {
        let ids: [String] = try await pool.write { db in
            try String.fetchAll(db, sql: """
                UPDATE runs SET lease_owner = ?, lease_expires_at = ?
                WHERE state IN (\(Self.activeStates))
                AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires_at IS NULL OR lease_expires_at < ?)
                RETURNING id
                """, arguments: [owner, leaseUntil.timeIntervalSince1970, owner, now.timeIntervalSince1970])
        }
        return ids.map { RunID($0) }
    }

    /// Takes one run's lease if it is free, expired or this owner's.
    public func claimRun(_ id: RunID, owner: String, now: Date, leaseUntil: Date) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE runs SET lease_owner = ?, lease_expires_at = ?
                WHERE id = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires_at IS NULL OR lease_expires_at < ?)
                """, arguments: [owner, leaseUntil.timeIntervalSince1970, id.rawValue, owner, now.timeIntervalSince1970])
            return db.changesCount > 0
        }
    }

    /// Extends the leases of every run and running step this owner holds.
    public func renewLeases(owner: String, until: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE runs SET lease_expires_at = ? WHERE lease_owner = ? AND state IN (\(Self.activeStates))",
                arguments: [until.timeIntervalSince1970, owner])
            try db.execute(
                sql: """
                    UPDATE step_states SET lease_expires_at = ? WHERE lease_owner = ? AND state = 'running'
                    AND run_id IN (SELECT id FROM runs WHERE lease_owner = ? AND state IN (\(Self.activeStates)))
                    """,
                arguments: [until.timeIntervalSince1970, owner, owner])
        }
    }

    /// Gives up this owner's leases so another process can take the runs over at once.
    public func releaseLeases(owner: String, runs: [RunID]? = nil) throws {
        try pool.write { db in
            if let runs {
                for run in runs {
                    try db.execute(
                        sql: "UPDATE runs SET lease_owner = NULL, lease_expires_at = NULL WHERE id = ? AND lease_owner = ?",
                        arguments: [run.rawValue, owner])
                }
            } else {
                try db.execute(
                    sql: "UPDATE runs SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ?",
                    arguments: [owner])
            }
        }
    }

    static let activeStates = RunState.active.map { "'\($0.rawValue)'" }.joined(separator: ", ")
}
