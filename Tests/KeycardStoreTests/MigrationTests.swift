import Foundation
import GRDB
@testable import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Store migrations and durability settings")
struct MigrationTests {
    @Test("a new database gets every migration, in WAL mode with synchronous=FULL")
    func freshDatabase() throws {
        let test = try TestDatabase()
        #expect(try test.database.appliedMigrations() == KeycardMigrations.identifiers)
        let (journal, synchronous) = try test.database.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)
    }

    @Test("opening an older database migrates it and keeps its rows")
    func migratesOlderDatabase() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            var old = DatabaseMigrator()
            IntakeMigrations.register(in: &old)
            try old.migrate(queue)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO raw_deliveries (source, headers, body, received_at) VALUES ('canonical', '{}', x'00', 0)")
            }
        }
        let database = try KeycardDatabase.open(path: path)
        #expect(try database.appliedMigrations() == KeycardMigrations.identifiers)
        #expect(try database.delivery(id: 1)?.source == "canonical")
    }

    @Test("opening a database from a newer Keycard is refused with a clear message")
    func refusesNewerDatabase() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("new.sqlite")
        _ = try KeycardDatabase.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        let error = #expect(throws: StoreError.self) { try KeycardDatabase.open(path: path) }
        #expect(error.map { "\($0)" }?.contains("newer Keycard") == true)
    }

    @Test("synchronous can be relaxed explicitly")
    func relaxedSynchronous() throws {
        let test = try TestDatabase(options: StoreOptions(synchronous: .normal))
        let synchronous = try test.database.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 1)
    }
}
