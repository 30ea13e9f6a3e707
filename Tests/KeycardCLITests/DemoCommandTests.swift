import Foundation
import KeycardAdapters
import KeycardTestSupport
import Testing

/// `keycard demo --headless` plays the whole story; an operator then finishes it with the CLI.
@Suite("keycard demo")
struct DemoCommandTests {
    private struct RunList: Decodable {
        struct Run: Decodable {
            var id: String
            var kind: String
            var state: String
            var employee: Employee
        }
        struct Employee: Decodable {
            var id: String
        }
        var run: Run
    }

    private struct RunDetail: Decodable {
        struct Step: Decodable {
            var id: String
            var state: String
        }
        var steps: [Step]
    }

    @Test("the headless demo shows every feature; approve and retry from the CLI then finish the runs")
    func headlessStory() async throws {
        let directory = TemporaryDirectory()
        let db = directory.path("keycard.sqlite")
        let config = FixturePaths.fixture("demo/keycard.yaml").path
        let demo = try await KeycardBinary.run(["demo", "--headless", "--speed", "8", "--dir", directory.path("."), "--timeout", "120"])
        #expect(demo.exitCode == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("50 employees imported"), "\(demo.stdout)")
        let list = try await KeycardBinary.run(["runs", "list", "--json", "--db", db])
        let runs = try JSONDecoder().decode([RunList].self, from: Data(list.stdout.utf8)).map(\.run)
        func state(_ employee: String, _ kind: String) -> String? {
            runs.first { $0.employee.id == employee && $0.kind == kind }?.state
        }
        #expect(state("EMP-2024-0042", "joiner") == "succeeded", "Sarah Chen")
        #expect(state("EMP-2026-0102", "joiner") == "awaiting_approval", "Dan Park")
        #expect(state("EMP-2026-0103", "joiner") == "completed_with_failures", "Lena Moreno")
        #expect(state("EMP-2026-0104", "joiner") == "rolled_back", "Omar Haddad")
        #expect(state("EMP-2026-0105", "mover") == "awaiting_approval", "Priya Raman")
        #expect(state("EMP-2026-0106", "leaver") == "succeeded", "Kenji Ito")

        func steps(of employee: String, _ kind: String) async throws -> [RunDetail.Step] {
            let id = try #require(runs.first { $0.employee.id == employee && $0.kind == kind }?.id)
            let show = try await KeycardBinary.run(["runs", "show", id, "--json", "--db", db])
            return try JSONDecoder().decode(RunDetail.self, from: Data(show.stdout.utf8)).steps
        }
        let pending = try #require(try await steps(of: "EMP-2026-0102", "joiner").first { $0.state == "awaiting_approval" })
        let selfApproval = try await KeycardBinary.run(
            ["approve", pending.id, "--as", "dan.park@company.com", "--reason", "me", "--db", db, "--config", config])
        #expect(selfApproval.exitCode != 0)
        #expect(selfApproval.stderr.contains("own access"), "\(selfApproval.stderr)")
        let approval = try await KeycardBinary.run(
            ["approve", pending.id, "--as", "it-oncall@company.com", "--reason", "demo", "--db", db, "--config", config])
        #expect(approval.exitCode == 0, "\(approval.stderr)")
        let failed = try #require(try await steps(of: "EMP-2026-0103", "joiner").first { $0.state == "failed" })
        #expect(try await KeycardBinary.run(["retry", failed.id, "--db", db, "--config", config]).exitCode == 0)
        let work = try await KeycardBinary.run(["work", "--until-idle", "--timeout", "60", "--db", db, "--config", config])
        #expect(work.exitCode == 0, "\(work.stderr)")
        let after = try JSONDecoder().decode([RunList].self, from: Data(try await KeycardBinary.run(["runs", "list", "--json", "--db", db]).stdout.utf8))
        #expect(after.first { $0.run.employee.id == "EMP-2026-0102" }?.run.state == "succeeded")
        #expect(after.first { $0.run.employee.id == "EMP-2026-0103" }?.run.state == "succeeded")
        let audit = try await KeycardBinary.run(["audit", "verify", "--db", db])
        #expect(audit.exitCode == 0, "\(audit.stdout)\(audit.stderr)")
        let sandbox = try SandboxStore.open(path: directory.path("keycard-sandbox.sqlite"))
        #expect(try sandbox.duplicates().isEmpty)
    }
}
