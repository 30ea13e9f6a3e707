import CSQLiteTuning
import Foundation
import GRDB

/// The simulated systems' own database: their state and the ledger of every side effect, apart from the engine's store.
public final class SandboxStore: Sendable {
    let writer: any DatabaseWriter
    /// The file, or nil when the state lives in memory.
    public let path: String?

    private init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    /// Opens (creating and migrating) the sandbox database at `path`, or an in-memory one when `path` is nil.
    public static func open(path: String?) throws -> SandboxStore {
        // The process-wide SQLite settings, before the first connection if this store opens it (the engine's store
        // asks too; whichever asks first applies them, once).
        _ = keycard_sqlite_tune()
        let writer: any DatabaseWriter
        if let path {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            // A process crash (the point of the sandbox) loses nothing with WAL and NORMAL; power loss is not simulated.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            writer = try DatabasePool(path: path, configuration: configuration)
        } else {
            writer = try DatabaseQueue()
        }
        try SandboxMigrations.migrator.migrate(writer)
        return SandboxStore(writer: writer, path: path)
    }

    /// Every side effect, oldest first.
    public func sideEffects() throws -> [SandboxSideEffect] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM side_effects ORDER BY id").map { row in
                SandboxSideEffect(
                    sequence: row["id"], system: row["system"], action: row["action"], target: row["target"],
                    employeeID: row["employee_id"], idempotencyKey: row["idempotency_key"],
                    confirmationID: row["confirmation_id"], at: Date(timeIntervalSince1970: row["at"]))
            }
        }
    }

    /// How many times each (system, action, target) side effect happened.
    public func sideEffectCounts() throws -> [SideEffectKey: Int] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT system, action, target, COUNT(*) AS n FROM side_effects GROUP BY system, action, target")
            return Dictionary(uniqueKeysWithValues: rows.map { row in
                (SideEffectKey(system: row["system"], action: row["action"], target: row["target"]), row["n"] as Int)
            })
        }
    }

    /// Side effects that happened more than once, with their counts; empty when nothing was done twice.
    ///
    /// With ensure semantics a repeat can only follow an undo (a compensation), so outside rollbacks any entry is a bug.
    public func duplicates() throws -> [SideEffectKey: Int] {
        try sideEffectCounts().filter { $0.value > 1 }
    }

    /// Calls that reached the system (rate-limited and timed-out calls excluded), for one action or all of a system.
    public func callCount(system: String, action: String? = nil) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COALESCE(SUM(count), 0) FROM calls WHERE system = ? AND (? IS NULL OR action = ?)",
                arguments: [system, action, action]) ?? 0
        }
    }

    public func account(system: String, employeeID: String) throws -> SandboxAccount? {
        try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM accounts WHERE system = ? AND user_key = ?", arguments: [system, employeeID]
            ).map(SandboxAccount.init(row:))
        }
    }

    public func memberships(system: String, employeeID: String) throws -> [SandboxMembership] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM memberships WHERE system = ? AND user_key = ? ORDER BY kind, container",
                arguments: [system, employeeID]
            ).map(SandboxMembership.init(row:))
        }
    }

    public func devices(employeeID: String) throws -> [SandboxDevice] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM devices WHERE user_key = ? ORDER BY created_at, order_id", arguments: [employeeID]
            ).map(SandboxDevice.init(row:))
        }
    }

    public func messages(system: String? = nil, employeeID: String) throws -> [SandboxMessage] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM messages WHERE (? IS NULL OR system = ?) AND user_key = ? ORDER BY sent_at, name",
                arguments: [system, system, employeeID]
            ).map(SandboxMessage.init(row:))
        }
    }
}
