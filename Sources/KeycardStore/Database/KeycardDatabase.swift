import Foundation
import GRDB
import KeycardCore

/// Keycard's durable store: one SQLite file in WAL mode, migrated on open, shared by every layer.
public final class KeycardDatabase: Sendable {
    /// The GRDB pool: one writer, concurrent readers. Layers add their own queries in extensions.
    public let pool: DatabasePool
    public let path: String

    private init(pool: DatabasePool, path: String) {
        self.pool = pool
        self.path = path
    }

    /// The writing connection's cache and checkpoints. Group commits touch pages all over the step and attempt
    /// tables: with SQLite's defaults (2 MB of cache, a checkpoint every 1,000 WAL pages) nearly every engine
    /// transaction also re-read evicted pages and copied the WAL back into the database (measured: 2,000 hires
    /// 7.3–7.7 s → 6.5–6.9 s, 200 onboarding runs 1.21 s → 1.10 s). The WAL is truncated to 64 MB after a checkpoint.
    /// Statement and savepoint journals stay in memory: on disk, every page a savepoint touched was first copied into
    /// a temporary file with two `pwrite`s (measured: 2,000 hires, ~40,000 `pwrite`s per run).
    /// A new database has 2 KB pages: a step's outcome touches ~3 pages of different runs, each written whole to the
    /// WAL, checksummed and later copied back (4 KB pages: ~230 MB of WAL per 2,000 hires). An existing database keeps
    /// the page size it was made with.
    static let writerPragmas = """
        PRAGMA page_size = 2048;
        PRAGMA cache_size = -32768;
        PRAGMA temp_store = MEMORY;
        PRAGMA wal_autocheckpoint = 10000;
        PRAGMA journal_size_limit = 67108864;
        """

    /// Opens (creating if needed) and migrates the database; refuses a database made by a newer Keycard.
    public static func open(path: String, options: StoreOptions = StoreOptions()) throws -> KeycardDatabase {
        _ = SQLiteTuning.result
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 4
        let synchronous = options.synchronous.rawValue
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            if !db.configuration.readonly { try db.execute(sql: writerPragmas) }
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB sets synchronous=NORMAL on the writing connection when it turns WAL on, after `prepareDatabase`.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(synchronous)") }
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        let migrator = KeycardMigrations.migrator
        try pool.read { db in
            if try migrator.hasBeenSuperseded(db) {
                throw StoreError.newerSchema(path: path, known: KeycardMigrations.identifiers)
            }
        }
        try migrator.migrate(pool)
        return KeycardDatabase(pool: pool, path: path)
    }

    /// Identifiers of the migrations applied to this database, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try KeycardMigrations.migrator.appliedMigrations(db) }
    }
}
