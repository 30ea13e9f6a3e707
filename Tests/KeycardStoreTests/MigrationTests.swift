import Foundation
import GRDB
import KeycardCore
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
        // The connection that commits is the one that matters: GRDB sets NORMAL on it when it enables WAL.
        let writing = try test.database.pool.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous")
        }
        #expect(writing == 2)
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

    @Test("v5 and v6 keep every attempt, step and approval: attempts clustered by run, steps split in plan and state")
    func attemptsSurviveTheHotPathMigration() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("v4.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try KeycardMigrations.migrator.migrate(queue, upTo: "v4-provisioning")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO runs (id, kind, employee_id, employee, state, requested_by, tier_names, created_at, due_at)
                    VALUES ('run-1', 'joiner', 'E1', '{"id":"E1","attributes":{}}', 'running', 'hr', '["identity"]', 0, 0);
                    INSERT INTO steps (id, run_id, idx, system, action, parameters, kind, purpose, tier, dependencies,
                        critical, justifications, state, attempts, max_attempts, idempotency_key)
                    VALUES ('run-1/s0', 'run-1', 0, 'okta', 'create_user', '{"login":"e1@example.com"}', 'account', 'grant',
                        0, '[]', 1, '[]', 'ready', 2, 3, 'run-1/s0'),
                        ('run-1/s1', 'run-1', 1, 'aws', 'assign_role', '{}', 'role', 'grant', 1, '["run-1/s0"]', 0,
                        '[{"condition":"true","policyID":"p","policyVersion":"1"}]', 'awaiting_approval', 0, 3, 'run-1/s1');
                    INSERT INTO approvals (step_id, run_id, employee_id, grant_text, requirement, requested_by,
                        requested_at, expires_at, status, decisions)
                    VALUES ('run-1/s1', 'run-1', 'E1', 'aws:assign_role', '{"approvers":{"manager":{}},"highRisk":false}', 'hr', 0, 99,
                        'pending', '[]');
                    INSERT INTO step_attempts (step_id, run_id, number, compensation, started_at, finished_at, outcome, error)
                    VALUES ('run-1/s0', 'run-1', 1, 0, 10, 11, 'retryable', 'HTTP 503'),
                           ('run-1/s0', 'run-1', 2, 0, 20, 21, 'rate_limited', 'HTTP 429');
                    """)
            }
        }
        let database = try KeycardDatabase.open(path: path)
        let detail = try #require(try database.runDetail(id: RunID("run-1")))
        #expect(detail.attempts.map(\.number) == [1, 2])
        #expect(detail.attempts.map(\.error) == ["HTTP 503", "HTTP 429"])
        #expect(detail.steps.map(\.id) == ["run-1/s0", "run-1/s1"])
        #expect(detail.steps.first?.parameters == ["login": "e1@example.com"])
        #expect(detail.steps.first?.state == .ready && detail.steps.first?.attempts == 2)
        #expect(detail.steps.first?.critical == true && detail.steps.last?.critical == false)
        #expect(detail.steps.last?.dependencies == ["run-1/s0"])
        #expect(detail.steps.last?.justifications.first?.policyID == "p")
        #expect(detail.approvals.map(\.stepID) == ["run-1/s1"])
        #expect(try database.step(id: "run-1/s1")?.state == .awaitingApproval)
        let indexes = try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('step_states', 'step_attempts')")
        }
        #expect(!indexes.contains("steps_by_state") && indexes.contains("step_states_failed"))
        // The approvals no longer reference a `steps` table (now a view): a new approval can be stored.
        try database.pool.write { db in
            try db.execute(sql: """
                UPDATE approvals SET status = 'approved' WHERE step_id = 'run-1/s1';
                INSERT INTO approvals (step_id, run_id, employee_id, grant_text, requirement, requested_by, requested_at,
                    expires_at, status, decisions) SELECT 'run-1/s9', run_id, employee_id, grant_text, requirement,
                    requested_by, requested_at, expires_at, status, decisions FROM approvals;
                """)
        }
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
        let writing = try test.database.pool.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous")
        }
        #expect(writing == 1)
    }
}
