import Foundation
import GRDB
import KeycardStore
import KeycardTestSupport
import Testing

@Suite("keycard audit verify / export / tail, run as a user runs them")
struct AuditCommandTests {
    private func database(records: Int) throws -> TestDatabase {
        let test = try TestDatabase(options: StoreOptions(synchronous: .normal))
        for index in 1...records {
            try test.database.appendAudit(AuditEntry(
                timestamp: Date(timeIntervalSince1970: 1_767_225_600 + Double(index)), runID: "run-1",
                employeeID: "emp-1", system: "okta", action: "add_to_group",
                parameters: ["group": "g\(index)", "password": "hunter2"], result: "succeeded", confirmationID: "00u\(index)"))
        }
        return test
    }

    @Test("verify exits 0 on an intact trail and 2 naming the record after an edit")
    func verify() async throws {
        let test = try database(records: 4)
        let intact = try await KeycardBinary.run(["audit", "verify", "--db", test.path])
        #expect(intact.exitCode == 0, "\(intact.stderr)")
        #expect(intact.stdout.contains("4 records"))
        try await test.database.pool.write { db in try db.execute(sql: "UPDATE audit_records SET result = 'x' WHERE sequence = 2") }
        let broken = try await KeycardBinary.run(["audit", "verify", "--db", test.path])
        #expect(broken.exitCode == 2)
        #expect(broken.stderr.contains("record 2 (edited)"))
        let json = try await KeycardBinary.run(["audit", "verify", "--db", test.path, "--json"])
        let view = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(view?["ok"] as? Bool == false && view?["sequence"] as? Int == 2)
    }

    @Test("export writes a window to a file; tail shows the newest records")
    func exportAndTail() async throws {
        let test = try database(records: 5)
        let file = test.directory.path("evidence.csv")
        let export = try await KeycardBinary.run([
            "audit", "export", "--db", test.path, "--since", "2026-01-01T00:00:02Z", "--until", "2026-01-01T00:00:04Z",
            "--format", "csv", "--output", file,
        ])
        #expect(export.exitCode == 0, "\(export.stderr)")
        let csv = try String(contentsOfFile: file, encoding: .utf8)
        #expect(csv.split(separator: "\r\n").count == 3)
        #expect(csv.contains("[REDACTED]") && !csv.contains("hunter2"))
        let bad = try await KeycardBinary.run(["audit", "export", "--db", test.path, "--format", "xml"])
        #expect(bad.exitCode != 0 && bad.stderr.contains("--format must be csv or jsonl"))
        let tail = try await KeycardBinary.run(["audit", "tail", "-n", "2", "--db", test.path])
        #expect(tail.exitCode == 0)
        #expect(tail.stdout.contains("okta:add_to_group") && tail.stdout.contains("00u5") && !tail.stdout.contains("00u3"))
    }
}
