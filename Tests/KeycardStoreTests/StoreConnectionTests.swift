import GRDB
import GRDBSQLite
import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Store connections")
struct StoreConnectionTests {
    @Test("the writing connection keeps 32 MB of pages and checkpoints every 10,000 WAL pages; readers keep the defaults")
    func writerPragmas() throws {
        let store = try TestDatabase()
        let writer = try store.database.pool.write { db in
            [try Int.fetchOne(db, sql: "PRAGMA cache_size"), try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint"),
             try Int.fetchOne(db, sql: "PRAGMA journal_size_limit")]
        }
        #expect(writer == [-32768, 10000, 67_108_864])
        let reader = try store.database.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
        #expect(reader == -2000)
        #expect(try store.database.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    /// Applied by whichever store (the engine's or a sandbox's) opens first, unless SQLite initialized before that
    /// (a test's own GRDB connection may have), and then the defaults hold: either way, what the store reports is
    /// what its connections do.
    @Test("SQLite is tuned before the first connection: connections take no mutex per call, allocations are not counted")
    func tuning() throws {
        let store = try TestDatabase()
        #expect([SQLITE_OK, SQLITE_MISUSE].contains(SQLiteTuning.result))
        let mutex = try store.database.pool.write { db in sqlite3_db_mutex(db.sqliteConnection) }
        #expect((mutex == nil) == (SQLiteTuning.result == SQLITE_OK))
    }
}
