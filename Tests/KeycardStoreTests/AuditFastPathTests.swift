import Foundation
import KeycardCore
@testable import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Audit fast path")
struct AuditFastPathTests {
    @Test(arguments: [
        AuditFixture.entry(1),
        AuditEntry(timestamp: Date(timeIntervalSince1970: 0), action: "pause", result: "paused", actor: "ops"),
        AuditEntry(
            timestamp: Date(timeIntervalSince1970: 1_790_000_000.123), runID: "run-\"q\"", stepID: "s\\1",
            employeeID: "é", system: "slack", action: "invite",
            parameters: ["😀": "x", "\u{FF61}": "y", "b": "tab\there", "a": "\u{01}", "": "empty key"],
            justifications: [
                Justification(policyID: "p1", policyVersion: "sha256:aaa", condition: "true"),
                Justification(policyID: "p2", policyVersion: "sha256:bbb", condition: "x == \"y\"", file: "p2.yaml"),
            ],
            approver: "maria", result: "failed: 500\n", confirmationID: "c-1", actor: "engine", detail: "line\r\n"),
    ])
    func directWriterMatchesTheCanonicalTree(entry: AuditEntry) {
        let record = AuditRecord(entry: entry, sequence: 42, prevHash: AuditRecord.genesisHash)
        #expect(record.canonicalBytes == record.canonicalObject.bytes)
        #expect(record.hash == record.computedHash())
        #expect(record.hash.count == 64)
        #expect(String(decoding: record.parametersJSON, as: UTF8.self) == CanonicalJSON.object(
            record.parameters.mapValues(CanonicalJSON.string)).text)
    }

    @Test func timestampsMatchFoundationsISO8601() {
        var generator = SeededRandom(seed: 2026)
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        for _ in 0..<2_000 {
            let milliseconds = Int64.random(in: 0..<7_258_118_400_000, using: &generator)
            // 0.4 ms into the millisecond, so Foundation's truncation of the binary fraction cannot round down past it.
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000 + 0.0004)
            #expect(AuditTimestamp.format(date) == style.format(date))
        }
        #expect(AuditTimestamp.format(Date(timeIntervalSince1970: 1_768_467_600.25)) == "2026-01-15T09:00:00.250Z")
    }

    @Test func aFailedGroupLeavesNoLinkAndTheHeadFollowsTheRest() throws {
        let fixture = try AuditFixture(count: 2)
        let missing = Step(
            id: StepID("no-such-step"), runID: RunID("no-such-run"), index: 0, system: "okta", action: "create_user",
            parameters: [:], kind: .account, purpose: .grant, tier: 0, dependencies: [], compensation: nil, critical: false,
            approval: nil, justifications: [], state: .running, dueAt: nil, maxAttempts: 3, idempotencyKey: "no-such-step")
        let results = try fixture.database.applyEngineBatchSync([
            [.auditEntry(AuditFixture.entry(3))],
            [.auditEntry(AuditFixture.entry(4)), .updateStep(missing, expecting: .ready)],
            [.auditEntry(AuditFixture.entry(5)), .auditEntry(AuditFixture.entry(6))],
        ])
        #expect(results.map(\.isApplied) == [true, false, true])
        let records = try fixture.database.auditTail(limit: 10)
        #expect(records.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(records.map(\.stepID) == ["step-1", "step-2", "step-3", "step-5", "step-6"])
        #expect(try fixture.database.verifyAudit().isOK)
    }
}
