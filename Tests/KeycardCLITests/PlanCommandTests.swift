import Foundation
import KeycardTestSupport
import Testing

/// The policy commands run as the real `keycard` binary, as a user runs them.
@Suite("keycard plan, explain, policy, whatif")
struct PlanCommandTests {
    static let sarahEvent = "fixtures/events/01-sarah-chen-hired.json"

    /// The seed's eight grants for Sarah Chen, in the seed's `access` format.
    static let seedAccess: Set<[String: String]> = [
        ["system": "okta", "action": "create_user"],
        ["system": "okta", "action": "add_to_group", "group": "sales-team"],
        ["system": "google", "action": "create_account"],
        ["system": "google", "action": "add_to_group", "group": "sales@company.com"],
        ["system": "salesforce", "action": "create_user", "profile": "sales-engineer"],
        ["system": "slack", "action": "invite_user"],
        ["system": "slack", "action": "add_to_channel", "channel": "#sales-team"],
        ["system": "gitlab", "action": "add_to_group", "group": "customer-solutions", "role": "reporter"],
    ]

    /// What the demo base-employee policy adds on top of the seed (documented in 00-base-employee.yaml).
    static let baseExtras: Set<[String: String]> = [
        ["system": "slack", "action": "add_to_channel", "channel": "#general"],
        ["system": "notion", "action": "add_to_workspace", "workspace": "company"],
    ]

    struct SeedPlan: Decodable {
        var user: String
        var access: [[String: String]]
    }

    func run(_ arguments: [String]) async throws -> KeycardBinary.Result {
        let scratch = TemporaryDirectory(prefix: "keycard-plan")
        return try await KeycardBinary.run(arguments + ["--db", scratch.path("none.sqlite")])
    }

    @Test("plan --json for Sarah Chen's hire prints the seed's output plus the base employee extras")
    func sarahChenJSON() async throws {
        let result = try await run(["plan", Self.sarahEvent, "--policies", "fixtures/demo/policies", "--json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let plan = try JSONDecoder().decode(SeedPlan.self, from: Data(result.stdout.utf8))
        #expect(plan.user == "sarah.chen@company.com")
        #expect(plan.access.count == 10)
        #expect(Set(plan.access) == Self.seedAccess.union(Self.baseExtras))
        #expect(plan.access.first == ["system": "okta", "action": "create_user"])
    }

    @Test("plan prints a readable grant list with the policy behind each grant")
    func sarahChenText() async throws {
        let result = try await run(["plan", Self.sarahEvent])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Sarah Chen <sarah.chen@company.com> (EMP-2024-0042), employee.hired: 10 grants"))
        #expect(result.stdout.contains("salesforce  create_user"))
        #expect(result.stdout.contains("← sales-engineer"))
        #expect(result.stdout.contains("critical"))
    }

    @Test("plan of a mover without a stored employee says what is missing and fails")
    func moverNeedsStore() async throws {
        let result = try await run(["plan", "fixtures/events/02-priya-patel-mover.json"])
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("needs the employee's stored attributes"))
    }

    @Test("plan shows the mover diff and the leaver's revocations from the stored employees")
    func moverAndLeaver() async throws {
        let scratch = TemporaryDirectory(prefix: "keycard-mover")
        let database = scratch.path("keycard.sqlite")
        let ingest = try await KeycardBinary.run(["ingest", "fixtures/events/", "--db", database])
        #expect(ingest.exitCode == 0, "\(ingest.stdout)\(ingest.stderr)")
        let mover = try await KeycardBinary.run(["plan", "fixtures/events/02-priya-patel-mover.json", "--db", database])
        #expect(mover.exitCode == 0, "\(mover.stderr)")
        #expect(mover.stdout.contains("Priya Patel"))
        #expect(mover.stdout.contains("+ okta    add_to_group           group=engineering"))
        let leaver = try await KeycardBinary.run(["plan", "fixtures/events/03-david-kim-leaver.json", "--db", database, "--json"])
        #expect(leaver.exitCode == 0, "\(leaver.stderr)")
        struct Diff: Decodable { var user: String; var add, revoke, keep: [[String: String]] }
        let diff = try JSONDecoder().decode(Diff.self, from: Data(leaver.stdout.utf8))
        #expect(diff.user == "david.kim@company.com")
        #expect(diff.add.isEmpty && diff.keep.isEmpty)
        #expect(diff.revoke.contains(["system": "okta", "action": "create_user"]))
    }

    @Test("explain names the policy and the clause values")
    func explain() async throws {
        let result = try await run(["explain", Self.sarahEvent, "salesforce:create_user", "profile=sales-engineer"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("GRANTED"))
        #expect(result.stdout.contains("employee.job_title == \"Sales Engineer\"  → true"))
    }

    @Test("policy lint passes on the demo and fails with file:line on a broken file")
    func lint() async throws {
        #expect(try await run(["policy", "lint"]).exitCode == 0)
        let scratch = TemporaryDirectory(prefix: "keycard-lint")
        try "- id: a\n  when: employee.departmnt == \"x\"\n  grants: [ { system: octa, action: create_user } ]\n"
            .write(toFile: scratch.path("bad.yaml"), atomically: true, encoding: .utf8)
        let result = try await run(["policy", "lint", "--policies", scratch.url.path])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("bad.yaml:1: error [unknown-attribute]"))
        #expect(result.stdout.contains("bad.yaml:3: error [unknown-system]"))
    }

    @Test("policy test runs the demo expectations and fails on a wrong one")
    func policyTest() async throws {
        let passing = try await run(["policy", "test"])
        #expect(passing.exitCode == 0, "\(passing.stdout)\(passing.stderr)")
        #expect(passing.stdout.contains("4 passed, 0 failed"))
        let scratch = TemporaryDirectory(prefix: "keycard-expect")
        try """
        - name: wrong
          employee: { employee_id: X, department: Sales, employment_type: full_time }
          includes: [ { system: okta, action: add_to_group, group: nope } ]
        """.write(toFile: scratch.path("t.yaml"), atomically: true, encoding: .utf8)
        let failing = try await run(["policy", "test", "--tests", scratch.url.path])
        #expect(failing.exitCode == 1)
        #expect(failing.stdout.contains("- okta:add_to_group group=nope"))
    }

    @Test("whatif compares a changed policy set over employees and totals per system")
    func whatif() async throws {
        let scratch = TemporaryDirectory(prefix: "keycard-whatif")
        let proposed = scratch.url.appendingPathComponent("policies")
        try FileManager.default.createDirectory(at: proposed, withIntermediateDirectories: true)
        let demo = FixturePaths.repositoryRoot.appendingPathComponent("fixtures/demo/policies")
        for name in try FileManager.default.contentsOfDirectory(atPath: demo.path) {
            var text = try String(contentsOf: demo.appendingPathComponent(name), encoding: .utf8)
            text = text.replacingOccurrences(of: "profile: sales-engineer", with: "profile: solutions-engineer")
            try text.write(to: proposed.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try """
        [{"employee_id": "E1", "first_name": "Sarah", "job_title": "Sales Engineer", "department": "Sales", "employment_type": "full_time"},
         {"employee_id": "E2", "job_title": "Account Executive", "department": "Sales", "employment_type": "full_time"}]
        """.write(toFile: scratch.path("employees.json"), atomically: true, encoding: .utf8)
        let result = try await run(["whatif", "--policies", proposed.path, "--employees", scratch.path("employees.json")])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 of 2 employees change"))
        #expect(result.stdout.contains("+ salesforce:create_user profile=solutions-engineer"))
        #expect(result.stdout.contains("- salesforce:create_user profile=sales-engineer"))
        #expect(result.stdout.contains("Total: +1 grants, -1 grants"))
    }

    @Test("policy coverage lists employees without a role or department policy and values spelled two ways")
    func coverage() async throws {
        let scratch = TemporaryDirectory(prefix: "keycard-coverage")
        try """
        [{"employee_id": "E1", "job_title": "Sales Engineer", "department": "Sales", "employment_type": "full_time"},
         {"employee_id": "E2", "job_title": "Sales engineer", "department": "sales", "employment_type": "full_time"}]
        """.write(toFile: scratch.path("employees.json"), atomically: true, encoding: .utf8)
        let result = try await run(["policy", "coverage", "--employees", scratch.path("employees.json")])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Employees matched by no role or department policy: 1"))
        #expect(result.stdout.contains("department = \"sales\"  (1 employee(s))   (looks like \"Sales\")"))
        #expect(result.stdout.contains("job_title = \"Sales engineer\"  (1 employee(s))   (looks like \"Sales Engineer\")"))
    }
}
