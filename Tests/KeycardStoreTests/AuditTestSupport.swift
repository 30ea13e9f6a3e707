import Foundation
import GRDB
import KeycardCore
import KeycardStore
import KeycardTestSupport

/// A database with `count` audit records appended, one second apart from a fixed instant.
struct AuditFixture {
    let test: TestDatabase
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    init(count: Int) throws {
        test = try TestDatabase(options: StoreOptions(synchronous: .normal))
        for index in 1...max(count, 1) where count > 0 {
            try database.appendAudit(Self.entry(index))
        }
    }

    var database: KeycardDatabase { test.database }

    static func entry(_ index: Int) -> AuditEntry {
        AuditEntry(
            timestamp: start.addingTimeInterval(Double(index)), runID: "run-\(index / 3)", stepID: "step-\(index)",
            employeeID: "emp-00\(index % 4)", system: "okta", action: "add_to_group",
            parameters: ["group": "team-\(index)", "api_token": "s3cr3t"],
            justifications: [Justification(policyID: "sales", policyVersion: "sha256:0123456789ab", condition: "true")],
            approver: index % 2 == 0 ? "maria.lopez@example.com" : nil, result: "succeeded",
            confirmationID: "00u\(index)", actor: "engine")
    }

    func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try database.pool.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    func brokenAt() throws -> AuditBreak? {
        if case .broken(let problem) = try database.verifyAudit() { return problem }
        return nil
    }
}
