import GRDB

/// Tables of the intake layer: raw deliveries, lifecycle events, employees and their history, dead letters.
enum IntakeMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-intake") { db in
            try db.execute(sql: """
                CREATE TABLE raw_deliveries (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source TEXT NOT NULL,
                    headers TEXT NOT NULL,
                    body BLOB NOT NULL,
                    received_at DOUBLE NOT NULL
                );
                CREATE TABLE events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    event_id TEXT NOT NULL UNIQUE,
                    type TEXT NOT NULL,
                    employee_id TEXT NOT NULL,
                    timestamp DOUBLE NOT NULL,
                    effective_at DOUBLE NOT NULL,
                    payload TEXT NOT NULL,
                    source TEXT NOT NULL,
                    delivery_id INTEGER NOT NULL REFERENCES raw_deliveries(id),
                    status TEXT NOT NULL,
                    hold_reason TEXT,
                    duplicate_count INTEGER NOT NULL DEFAULT 0,
                    stored_at DOUBLE NOT NULL,
                    applied_at DOUBLE
                );
                CREATE INDEX events_by_employee ON events(employee_id, timestamp);
                CREATE INDEX events_by_status ON events(status);
                CREATE TABLE employees (
                    id TEXT PRIMARY KEY,
                    attributes TEXT NOT NULL,
                    status TEXT NOT NULL,
                    last_event_at DOUBLE NOT NULL,
                    updated_at DOUBLE NOT NULL
                );
                CREATE TABLE employee_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    employee_id TEXT NOT NULL REFERENCES employees(id),
                    event_id TEXT NOT NULL,
                    event_type TEXT NOT NULL,
                    event_timestamp DOUBLE NOT NULL,
                    before TEXT,
                    after TEXT NOT NULL,
                    changed TEXT NOT NULL,
                    applied_at DOUBLE NOT NULL
                );
                CREATE INDEX employee_history_by_employee ON employee_history(employee_id, id);
                CREATE TABLE dead_letters (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    delivery_id INTEGER NOT NULL REFERENCES raw_deliveries(id),
                    source TEXT NOT NULL,
                    body BLOB NOT NULL,
                    errors TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'open',
                    created_at DOUBLE NOT NULL,
                    resolved_at DOUBLE,
                    resolution TEXT
                );
                CREATE INDEX dead_letters_by_status ON dead_letters(status);
                CREATE TABLE webhook_rejections (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    received_at DOUBLE NOT NULL
                );
                """)
        }
    }
}
