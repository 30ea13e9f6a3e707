import GRDB
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
}
