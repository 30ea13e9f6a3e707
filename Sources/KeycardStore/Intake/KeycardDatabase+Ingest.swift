import Foundation
import GRDB
import KeycardCore

extension KeycardDatabase {
    /// Stores deliveries and their items in ONE transaction (group commit): raw bytes first, then each
    /// event de-duplicated by `event_id`, applied in event time or held, and invalid items dead-lettered.
    /// Returns, per delivery, one outcome per item. Nothing is acknowledged before this returns.
    public func ingest(_ batch: [(delivery: RawDelivery, items: [DeliveryItem])], now: Date) throws -> [[IngestOutcome]] {
        try pool.write { db in try Self.ingest(batch, now: now, db: db) }
    }

    static func ingest(_ batch: [(delivery: RawDelivery, items: [DeliveryItem])], now: Date, db: Database) throws -> [[IngestOutcome]] {
        try batch.map { delivery, items in
            let deliveryID = try insertDelivery(delivery, db: db)
            return try items.map { item in
                try ingest(item, deliveryID: deliveryID, source: delivery.source, now: now, db: db)
            }
        }
    }

    /// Stores one delivery; see `ingest(_:now:)`.
    public func ingest(_ delivery: RawDelivery, items: [DeliveryItem], now: Date) throws -> [IngestOutcome] {
        try ingest([(delivery, items)], now: now)[0]
    }

    static func insertDelivery(_ delivery: RawDelivery, db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO raw_deliveries (source, headers, body, received_at) VALUES (?, ?, ?, ?)",
            arguments: [delivery.source, try JSONColumn.encode(delivery.headers), delivery.body,
                        delivery.receivedAt.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    static func ingest(_ item: DeliveryItem, deliveryID: Int64, source: String, now: Date, db: Database) throws -> IngestOutcome {
        switch item {
        case .invalid(let errors, let body):
            let id = try insertDeadLetter(deliveryID: deliveryID, source: source, body: body, errors: errors, now: now, db: db)
            return .rejected(deadLetterID: id, errors: errors)
        case .event(let event):
            if try Int64.fetchOne(db, sql: "SELECT id FROM events WHERE event_id = ?", arguments: [event.eventID]) != nil {
                try db.execute(sql: "UPDATE events SET duplicate_count = duplicate_count + 1 WHERE event_id = ?",
                               arguments: [event.eventID])
                return .duplicate(eventID: event.eventID)
            }
            let employee = try EmployeeLedger.current(event.employeeID, db: db)
            if let errors = EmployeeLedger.conflicts(of: event, with: employee), !errors.isEmpty {
                let body = (try? JSONColumn.encode(event)).map { Data($0.utf8) } ?? Data()
                let id = try insertDeadLetter(deliveryID: deliveryID, source: source, body: body, errors: errors, now: now, db: db)
                return .rejected(deadLetterID: id, errors: errors)
            }
            let holdReason: String? = (employee == nil && event.type != .hired)
                ? "waiting for employee.hired of \(event.employeeID)" : nil
            try db.execute(
                sql: """
                    INSERT INTO events (event_id, type, employee_id, timestamp, effective_at, payload, source,
                                        delivery_id, status, hold_reason, stored_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [event.eventID, event.type.rawValue, event.employeeID, event.timestamp.timeIntervalSince1970,
                            event.effectiveAt.timeIntervalSince1970, try JSONColumn.encode(event.data), event.source,
                            deliveryID, holdReason == nil ? "applied" : "held", holdReason, now.timeIntervalSince1970])
            if let holdReason {
                return .held(eventID: event.eventID, employeeID: event.employeeID, reason: holdReason)
            }
            try EmployeeLedger.apply(event, now: now, db: db)
            if event.type == .hired {
                try EmployeeLedger.releaseHeld(employeeID: event.employeeID, now: now, db: db)
            }
            return .accepted(eventID: event.eventID, employeeID: event.employeeID)
        }
    }

    static func insertDeadLetter(deliveryID: Int64, source: String, body: Data, errors: [FieldError], now: Date, db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO dead_letters (delivery_id, source, body, errors, created_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [deliveryID, source, body, try JSONColumn.encode(errors), now.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    /// Counts a webhook delivery refused for its signature; its body is not stored.
    public func recordRejection(source: String, reason: String, at date: Date) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO webhook_rejections (source, reason, received_at) VALUES (?, ?, ?)",
                           arguments: [source, reason, date.timeIntervalSince1970])
        }
    }

    /// Signature rejections per source.
    public func rejectionCounts() throws -> [String: Int] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT source, COUNT(*) AS n FROM webhook_rejections GROUP BY source")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["source"] as String, $0["n"] as Int) })
        }
    }
}

extension KeycardDatabase {
    /// Async form of `ingest(_:now:)` for servers: runs on GRDB's writer without blocking the caller's thread.
    public func ingestAsync(_ batch: [(delivery: RawDelivery, items: [DeliveryItem])], now: Date) async throws -> [[IngestOutcome]] {
        try await pool.write { db in try Self.ingest(batch, now: now, db: db) }
    }
}
