import ArgumentParser
import Foundation
import KeycardStore

/// `keycard audit verify`: recomputes every hash and link; exits 2 naming the first broken record.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that no audit record was edited, inserted, deleted or reordered.",
        discussion: "Exit status: 0 intact, 2 broken (the first broken record is named), 1 other errors."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let database = try global.openDatabase()
        let verification = try database.verifyAudit()
        if global.json {
            try JSONOutput.print(AuditVerificationView(verification))
        } else if verification.isOK {
            print(verification.description)
        } else {
            FileHandle.standardError.write(Data("\(verification.description)\n".utf8))
        }
        if !verification.isOK { throw ExitCode(2) }
    }
}

/// `--json` form of a verification.
struct AuditVerificationView: Encodable {
    var ok: Bool
    var count: Int?
    var headHash: String?
    var sequence: Int64?
    var kind: String?
    var reason: String?

    init(_ verification: AuditVerification) {
        switch verification {
        case .ok(let count, let headHash):
            ok = true
            self.count = count
            self.headHash = headHash
        case .broken(let problem):
            ok = false
            sequence = problem.sequence
            kind = problem.kind.rawValue
            reason = problem.reason
        }
    }

    enum CodingKeys: String, CodingKey {
        case ok, count, sequence, kind, reason
        case headHash = "head_hash"
    }
}
