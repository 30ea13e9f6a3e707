import KeycardCore
import KeycardPolicy
import Testing

@Suite("Policy tests (expectation files)")
struct PolicyTestRunnerTests {
    @Test("the demo expectations pass against the demo policies")
    func demoPasses() throws {
        let expectations = try PolicyExpectationParser.load(directory: PolicyFixtures.demoPolicyTests)
        #expect(expectations.count == 4)
        let results = try PolicyFixtures.demoSet().run(expectations)
        #expect(results.allSatisfy { $0.passed }, "\(results)")
    }

    @Test("a failing expectation lists missing and unexpected grants")
    func failureDiff() throws {
        let text = """
        - name: wrong
          employee: { employee_id: X, department: Sales, job_title: Sales Engineer, employment_type: full_time, level: 3, remote: true }
          grants:
            - { system: okta, action: create_user }
            - { system: okta, action: add_to_group, group: wrong }
        """
        let parsed = PolicyExpectationParser.parse(text, file: "t.yaml")
        #expect(parsed.problems.isEmpty)
        let expectation = try #require(parsed.expectations.first)
        #expect(expectation.employee.attributes["level"] == .int(3))
        #expect(expectation.employee.attributes["remote"] == .bool(true))
        let result = try #require(try PolicyFixtures.demoSet().run(parsed.expectations).first)
        #expect(!result.passed)
        #expect(result.missing.map(\.description) == ["okta:add_to_group group=wrong"])
        #expect(result.unexpected.count == 9)
        #expect(result.description.contains("- okta:add_to_group group=wrong"))
        #expect(result.description.contains("+ salesforce:create_user profile=sales-engineer"))
    }

    @Test("an expectation without grants, includes or excludes is a problem with its line")
    func invalid() {
        let parsed = PolicyExpectationParser.parse("- name: x\n  employee: { a: b }\n", file: "t.yaml")
        #expect(parsed.problems.first?.line == 1)
    }
}
