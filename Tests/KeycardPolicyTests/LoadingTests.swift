import KeycardCore
import KeycardPolicy
import Testing

@Suite("Policy files")
struct LoadingTests {
    func problems(_ text: String) -> [PolicyProblem] {
        PolicyFileParser.parse(text, file: "p.yaml").problems
    }

    @Test("YAML syntax errors carry file and line")
    func yamlErrors() throws {
        let found = problems("- id: a\n  when: \"true\"\n  grants: [ { system: okta\n")
        let problem = try #require(found.first)
        #expect(problem.file == "p.yaml")
        #expect(problem.line >= 3)
        #expect(problem.message.hasPrefix("YAML error"))
    }

    @Test("an alias bomb (billion laughs) is refused with a problem, not expanded")
    func aliasBomb() throws {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(previous)]")
        }
        let text = "- id: bomb\n  when: \"true\"\n  grants: []\n  x:\n" + lines.map { "    " + $0 }.joined(separator: "\n") + "\n"
        let found = problems(text)
        #expect(found.contains { $0.message.contains("YAML nodes") }, "\(found)")
    }

    @Test("a bad condition is reported at its line and column with a caret")
    func conditionErrors() throws {
        let text = "- id: a\n  when: employee.department == \n  grants: []\n"
        let problem = try #require(problems(text).first)
        #expect(problem.line == 2)
        #expect(problem.policyID == "a")
        #expect(problem.message.contains("expected a value"))
        #expect(problem.message.contains("^"))
    }

    @Test("structure errors name the field", arguments: [
        ("- id: a\n  when: \"true\"\n  grant: []\n", "unknown field 'grant'"),
        ("- when: \"true\"\n  grants: []\n", "has no 'id'"),
        ("- id: a\n  grants: []\n", "no 'when' condition"),
        ("- id: a\n  when: \"true\"\n", "needs a 'grants' list"),
        ("- id: a\n  effect: maybe\n  when: \"true\"\n", "effect 'maybe'"),
        ("- id: a\n  effect: deny\n  when: \"true\"\n", "needs 'bundle: NAME'"),
        ("- id: a\n  when: \"true\"\n  grants: [ { system: okta } ]\n", "needs 'system' and 'action'"),
        ("- id: a\n  when: \"true\"\n  grants: [ { system: a, action: b, approval: maybe } ]\n", "'required' or 'none'"),
        ("- id: a\n  when: \"true\"\n  grants: [ { system: a, action: b, approval: required, approvers: boss } ]\n", "approvers 'boss'"),
        ("- id: a\n  when: \"true\"\n  grants: [ { system: a, action: b, critical: maybe } ]\n", "critical must be"),
        ("id: a\n", "holds a list of policies"),
    ])
    func structure(text: String, message: String) throws {
        let problem = try #require(problems(text).first)
        #expect(problem.message.contains(message), "\(problem)")
    }

    @Test("grant flags map to Core's approval, critical and bundle")
    func flags() throws {
        let text = """
        - id: a
          when: "true"
          grants:
            - { system: aws, action: assign, permission_set: Admin, approval: required, approvers: "manager+group:sec", reason: Admin access, high_risk: true, bundle: admin }
            - { system: okta, action: create_user, critical: true }
            - { system: gitlab, action: add_to_group, group: x, approval: required }
        """
        let policy = try #require(PolicyFileParser.parse(text, file: "p.yaml").policies.first)
        #expect(policy.grants[0].approval == ApprovalRequirement(approvers: .managerAndGroup("sec"), reason: "Admin access", highRisk: true))
        #expect(policy.grants[0].parameters == ["permission_set": "Admin"])
        #expect(policy.grants[0].bundle == "admin")
        #expect(policy.grants[1].critical)
        #expect(policy.grants[2].approval?.approvers == .manager)
        #expect(policy.category == "base")
    }

    @Test("duplicate ids across files fail the load")
    func duplicates() throws {
        let file = "- id: a\n  when: \"true\"\n  grants: []\n"
        #expect(throws: PolicyLoadError.self) { try PolicyFixtures.set(["x.yaml": file, "y.yaml": file]) }
    }

    @Test("the demo policies load")
    func demo() throws {
        let set = try PolicyFixtures.demoSet()
        #expect(set.policy(id: "sales-engineer")?.category == "role")
        #expect(set.policy(id: "department-sales")?.category == "department")
        #expect(set.policy(id: "no-prod-for-contractors")?.effect == .deny)
    }
}
