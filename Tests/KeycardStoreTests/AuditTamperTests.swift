import Foundation
import GRDB
import KeycardStore
import Testing

@Suite("Audit tamper detection")
struct AuditTamperTests {
    @Test func editedFieldIsNamed() throws {
        let fixture = try AuditFixture(count: 6)
        try fixture.execute("UPDATE audit_records SET result = 'failed' WHERE sequence = 3")
        let problem = try #require(try fixture.brokenAt())
        #expect(problem.sequence == 3 && problem.kind == .edited)
        #expect(problem.description.contains("record 3"))
    }

    @Test func editedRecordWithRecomputedHashBreaksTheNextLink() throws {
        let fixture = try AuditFixture(count: 6)
        var record = try #require(try fixture.database.auditTail(limit: 10).first { $0.sequence == 4 })
        record.result = "failed"
        try fixture.execute(
            "UPDATE audit_records SET result = 'failed', hash = ? WHERE sequence = 4", [record.computedHash()])
        let problem = try #require(try fixture.brokenAt())
        #expect(problem.sequence == 4 && problem.kind == .edited)
    }

    @Test func editedLastRecordWithRecomputedHashDisagreesWithTheHead() throws {
        let fixture = try AuditFixture(count: 3)
        var record = try #require(try fixture.database.auditTail(limit: 1).first)
        record.actor = "mallory"
        try fixture.execute("UPDATE audit_records SET actor = 'mallory', hash = ? WHERE sequence = 3", [record.computedHash()])
        let problem = try #require(try fixture.brokenAt())
        #expect(problem.sequence == 3 && problem.kind == .edited)
    }

    @Test func deletedMiddleRecord() throws {
        let fixture = try AuditFixture(count: 6)
        try fixture.execute("DELETE FROM audit_records WHERE sequence = 3")
        let problem = try #require(try fixture.brokenAt())
        #expect(problem.sequence == 3 && problem.kind == .deleted)
    }

    @Test func deletedLastRecords() throws {
        let fixture = try AuditFixture(count: 6)
        try fixture.execute("DELETE FROM audit_records WHERE sequence >= 5")
        let problem = try #require(try fixture.brokenAt())
        #expect(problem.sequence == 5 && problem.kind == .deleted)
        #expect(problem.reason.contains("records 5–6"))
    }

    @Test func deletedHeadIsNoticed() throws {
        let fixture = try AuditFixture(count: 2)
        try fixture.execute("DELETE FROM audit_head")
        #expect(try fixture.brokenAt()?.kind == .edited)
    }

    @Test func insertedRecordInTheMiddle() throws {
        let fixture = try AuditFixture(count: 5)
        let records = try fixture.database.auditTail(limit: 10)
        try fixture.database.pool.write { db in
            try db.execute(sql: "UPDATE audit_records SET sequence = sequence + 100 WHERE sequence >= 3")
            try db.execute(sql: "UPDATE audit_records SET sequence = sequence - 99 WHERE sequence >= 103")
            try db.execute(
                sql: """
                    INSERT INTO audit_records (sequence, timestamp, action, parameters, justification, result, actor, prev_hash, hash)
                    VALUES (3, '2026-01-01T00:00:02.500Z', 'add_to_group', '{}', '[]', 'succeeded', 'engine', ?, ?)
                    """,
                arguments: [records[1].hash, String(repeating: "a", count: 64)])
        }
        let problem = try #require(try fixture.brokenAt())
        #expect(problem.sequence == 3 && problem.kind == .inserted)
    }

    @Test func insertedRecordAfterTheHead() throws {
        let fixture = try AuditFixture(count: 3)
        let last = try #require(try fixture.database.auditTail(limit: 1).first)
        try fixture.execute(
            """
            INSERT INTO audit_records (sequence, timestamp, action, parameters, justification, result, actor, prev_hash, hash)
            VALUES (4, '2026-01-01T00:00:09.000Z', 'x', '{}', '[]', 'succeeded', 'engine', ?, 'b')
            """, [last.hash])
        let problem = try #require(try fixture.brokenAt())
        #expect(problem.kind == .inserted || problem.kind == .edited)
        #expect(problem.sequence == 4)
    }

    @Test func reorderedRecords() throws {
        let fixture = try AuditFixture(count: 5)
        try fixture.database.pool.write { db in
            try db.execute(sql: "UPDATE audit_records SET sequence = -1 WHERE sequence = 2")
            try db.execute(sql: "UPDATE audit_records SET sequence = 2 WHERE sequence = 3")
            try db.execute(sql: "UPDATE audit_records SET sequence = 3 WHERE sequence = -1")
        }
        let problem = try #require(try fixture.brokenAt())
        #expect(problem.sequence == 2 && problem.kind == .reordered)
    }

    @Test func secretsAreRedacted() throws {
        let fixture = try AuditFixture(count: 1)
        let entry = AuditEntry(
            timestamp: AuditFixture.start, action: "create_user",
            parameters: ["Password": "hunter2", "client_SECRET": "x", "apiKey": "k", "Credentials": "c", "group": "sales"],
            result: "succeeded")
        let record = try fixture.database.appendAudit(entry)
        #expect(record.parameters == [
            "Password": "[REDACTED]", "client_SECRET": "[REDACTED]", "apiKey": "[REDACTED]",
            "Credentials": "[REDACTED]", "group": "sales",
        ])
        let stored = try fixture.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT parameters FROM audit_records").joined()
        }
        #expect(!stored.contains("hunter2") && !stored.contains("s3cr3t"))
        #expect(try fixture.database.verifyAudit().isOK)
    }
}
