import Foundation
import GRDB

extension KeycardDatabase {
    /// Applied employee changes, oldest first, that have neither a run nor a recorded decision yet.
    public func unprovisionedChanges(limit: Int = 500) throws -> [EmployeeChange] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT h.* FROM employee_history h
                WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.event_id = h.event_id)
                  AND NOT EXISTS (SELECT 1 FROM provisioning_decisions d WHERE d.event_id = h.event_id)
                ORDER BY h.id LIMIT ?
                """, arguments: [limit]).map(EmployeeChange.init(row:))
        }
    }

    /// Records why a change produced no run; recording the same event twice keeps the first decision.
    public func recordProvisioningDecision(_ decision: ProvisioningDecision) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO provisioning_decisions (event_id, employee_id, outcome, note, decided_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [decision.eventID, decision.employeeID, decision.outcome.rawValue, decision.note,
                            decision.decidedAt.timeIntervalSince1970])
        }
    }

    /// Decisions recorded for changes that produced no run, newest first.
    public func provisioningDecisions(limit: Int = 500) throws -> [ProvisioningDecision] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM provisioning_decisions ORDER BY decided_at DESC LIMIT ?", arguments: [limit])
                .map { row in
                    ProvisioningDecision(
                        eventID: row["event_id"], employeeID: row["employee_id"],
                        outcome: ProvisioningDecision.Outcome(rawValue: row["outcome"]) ?? .planningFailed,
                        note: row["note"], decidedAt: Date(timeIntervalSince1970: row["decided_at"]))
                }
        }
    }

    /// Forgets a planning failure so the next provisioning pass plans the change again (after a policy fix).
    @discardableResult
    public func clearProvisioningDecision(eventID: String) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM provisioning_decisions WHERE event_id = ?", arguments: [eventID])
            return db.changesCount > 0
        }
    }

    /// The run an event produced, if any.
    public func runID(forEvent eventID: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM runs WHERE event_id = ?", arguments: [eventID])
        }
    }
}
