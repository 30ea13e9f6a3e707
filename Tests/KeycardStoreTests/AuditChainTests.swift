import Foundation
import GRDB
import KeycardCore
import KeycardStore
import Testing

@Suite("Audit chain")
struct AuditChainTests {
    @Test func recordsLinkToTheirPredecessor() throws {
        let fixture = try AuditFixture(count: 5)
        let records = try fixture.database.auditTail(limit: 10)
        #expect(records.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(records[0].prevHash == AuditRecord.genesisHash)
        for (previous, record) in zip(records, records.dropFirst()) {
            #expect(record.prevHash == previous.hash)
        }
        #expect(records.allSatisfy { $0.hash.count == 64 && $0.computedHash() == $0.hash })
        #expect(records[0].timestamp == "2026-01-01T00:00:01.000Z")
        #expect(try fixture.database.verifyAudit() == .ok(count: 5, headHash: records[4].hash))
    }

    @Test("hashes are stored as their 32 bytes; rows whose hashes are stored as hex text read and verify the same")
    func hashesStoredAsBytes() throws {
        let fixture = try AuditFixture(count: 4)
        let written = try fixture.database.auditTail(limit: 10)
        let storage = try fixture.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT typeof(prev_hash) AS p, typeof(hash) AS h, length(hash) AS n FROM audit_records")
        }
        #expect(storage.allSatisfy { ($0["p"] as String) == "blob" && ($0["h"] as String) == "blob" && ($0["n"] as Int) == 32 })
        try fixture.database.pool.write { db in
            try db.execute(sql: "UPDATE audit_records SET prev_hash = lower(hex(prev_hash)), hash = lower(hex(hash)) WHERE sequence <= 2")
        }
        let mixed = try fixture.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT typeof(hash) FROM audit_records ORDER BY sequence")
        }
        #expect(mixed == ["text", "text", "blob", "blob"])
        #expect(try fixture.database.auditTail(limit: 10) == written)
        #expect(try fixture.database.verifyAudit() == .ok(count: 4, headHash: written[3].hash))
        try fixture.database.appendAudit(AuditFixture.entry(5))
        #expect(try fixture.database.verifyAudit().isOK)
    }

    @Test func emptyTrailVerifies() throws {
        let fixture = try AuditFixture(count: 0)
        #expect(try fixture.database.verifyAudit() == .ok(count: 0, headHash: AuditRecord.genesisHash))
    }

    @Test func appendJoinsTheCallersTransaction() throws {
        let fixture = try AuditFixture(count: 2)
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try fixture.database.pool.write { db in
                try AuditTrail.append(AuditFixture.entry(3), in: db)
                throw Abort()
            }
        }
        #expect(try fixture.database.verifyAudit().isOK)
        #expect(try fixture.database.auditTail(limit: 10).count == 2)
    }

    @Test func hashIsOverTheCanonicalForm() throws {
        let fixture = try AuditFixture(count: 1)
        let record = try #require(fixture.database.auditTail(limit: 1).first)
        let canonical = record.canonicalObject.text
        #expect(canonical.hasPrefix(#"{"action":"add_to_group","actor":"engine","approver":null,"#))
        #expect(canonical.contains(#""justification":[{"policy_id":"sales","policy_version":"sha256:0123456789ab"}]"#))
        #expect(canonical.contains(#""sequence":1,"#))
        #expect(!canonical.contains(" "))
    }

    @Test func canonicalJSONEscapesLikePython() {
        let value = CanonicalJSON.object(["b": .string("é \"q\" \\ \n\u{01}/"), "a": .integer(-3), "c": .null])
        #expect(value.text == #"{"a":-3,"b":"é \"q\" \\ \n\u0001/","c":null}"#)
    }

    @Test func operatorActionsAreRecordedWithTheirActor() throws {
        let fixture = try AuditFixture(count: 1)
        let pause = AuditEntry(
            timestamp: AuditFixture.start.addingTimeInterval(60.25), action: "pause", result: "paused",
            actor: "maria.lopez", detail: "incident 42")
        let record = try fixture.database.appendAudit(pause)
        #expect(record.sequence == 2 && record.actor == "maria.lopez" && record.runID == nil)
        #expect(record.timestamp == "2026-01-01T00:01:00.250Z")
        #expect(try fixture.database.verifyAudit().isOK)
    }

    @Test func entryFromStepEvidence() {
        let evidence = StepEvidence(
            at: AuditFixture.start, runID: "run-1", stepID: "step-2", employeeID: "emp-1", system: "aws",
            action: "assign_permission_set", parameters: ["permission_set": "ReadOnly"], justifications: [],
            approvers: ["a@example.com", "b@example.com"], result: "succeeded", confirmationID: "req-1")
        let entry = AuditEntry(evidence)
        #expect(entry.runID == "run-1" && entry.stepID == "step-2" && entry.actor == "engine")
        #expect(entry.approver == "a@example.com, b@example.com")
    }
}
