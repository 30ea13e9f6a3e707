import GRDB

/// The schema of the sandbox's own database: the simulated systems' state and the ledger of side effects.
enum SandboxMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("sandbox-v1") { db in
            try db.execute(sql: """
                CREATE TABLE accounts (
                    system TEXT NOT NULL, user_key TEXT NOT NULL, external_id TEXT NOT NULL, login TEXT NOT NULL,
                    status TEXT NOT NULL, attributes TEXT NOT NULL, created_at DOUBLE NOT NULL, updated_at DOUBLE NOT NULL,
                    PRIMARY KEY (system, user_key)
                );
                CREATE TABLE containers (
                    system TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, external_id TEXT NOT NULL,
                    PRIMARY KEY (system, kind, name)
                );
                CREATE TABLE memberships (
                    system TEXT NOT NULL, kind TEXT NOT NULL, container TEXT NOT NULL, user_key TEXT NOT NULL,
                    attributes TEXT NOT NULL, created_at DOUBLE NOT NULL,
                    PRIMARY KEY (system, kind, container, user_key)
                );
                CREATE TABLE devices (
                    system TEXT NOT NULL, order_id TEXT NOT NULL, user_key TEXT NOT NULL, serial TEXT,
                    model TEXT NOT NULL, status TEXT NOT NULL, created_at DOUBLE NOT NULL, updated_at DOUBLE NOT NULL,
                    PRIMARY KEY (system, order_id)
                );
                CREATE INDEX devices_by_user ON devices(system, user_key);
                CREATE TABLE messages (
                    system TEXT NOT NULL, user_key TEXT NOT NULL, name TEXT NOT NULL, recipient TEXT NOT NULL,
                    parameters TEXT NOT NULL, external_id TEXT NOT NULL, idempotency_key TEXT NOT NULL,
                    status TEXT NOT NULL, sent_at DOUBLE NOT NULL,
                    PRIMARY KEY (system, user_key, name)
                );
                CREATE TABLE transfers (
                    system TEXT NOT NULL, user_key TEXT NOT NULL, to_user TEXT NOT NULL, external_id TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    PRIMARY KEY (system, user_key, to_user)
                );
                CREATE TABLE side_effects (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    system TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, employee_id TEXT NOT NULL,
                    idempotency_key TEXT NOT NULL, confirmation_id TEXT NOT NULL, at DOUBLE NOT NULL
                );
                CREATE INDEX side_effects_by_target ON side_effects(system, action, target);
                CREATE TABLE calls (
                    system TEXT NOT NULL, action TEXT NOT NULL, employee_id TEXT NOT NULL, count INTEGER NOT NULL,
                    PRIMARY KEY (system, action, employee_id)
                );
                """)
        }
        return migrator
    }
}
