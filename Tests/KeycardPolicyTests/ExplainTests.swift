import KeycardCore
import KeycardPolicy
import Testing

@Suite("Explain")
struct ExplainTests {
    @Test("a granted grant names its policy and each clause's value")
    func granted() throws {
        let set = try PolicyFixtures.demoSet()
        let key = GrantKey(system: "salesforce", action: "create_user", parameters: ["profile": "sales-engineer"])
        let explanation = set.explain(PolicyFixtures.sarah, key)
        #expect(explanation.outcome == .granted)
        let trace = try #require(explanation.givingPolicies.first)
        #expect(trace.policyID == "sales-engineer")
        #expect(trace.holds)
        #expect(trace.clauses.first?.attributes["job_title"] == "\"Sales Engineer\"")
        #expect(explanation.description.contains("GRANTED"))
    }

    @Test("a grant that would be given is shown as denied with the deny rule's clauses")
    func denied() throws {
        let set = try PolicyFixtures.demoSet()
        let contractor = PolicyFixtures.employee([
            "department": .string("Engineering"), "employment_type": .string("contractor"),
            "start_date": .string("2024-01-01"), "job_title": .string("Engineering Manager"),
        ])
        let key = GrantKey(system: "aws", action: "assign_permission_set", parameters: ["permission_set": "DeveloperProd"])
        let explanation = set.explain(contractor, key)
        #expect(explanation.outcome == .denied)
        #expect(explanation.denyingPolicies.map(\.policyID) == ["no-prod-for-contractors"])
        #expect(explanation.denyingPolicies.first?.holds == true)
    }

    @Test("a grant not given shows which sub-condition failed")
    func notGranted() throws {
        let set = try PolicyFixtures.demoSet()
        let key = GrantKey(system: "aws", action: "assign_permission_set", parameters: ["permission_set": "BillingReadOnly"])
        let explanation = set.explain(PolicyFixtures.sarah, key)
        #expect(explanation.outcome == .notGranted)
        let clauses = try #require(explanation.givingPolicies.first?.clauses)
        #expect(clauses.map(\.value) == ["false", "false", "false"])
        #expect(clauses[1].text == "employee.department == \"Engineering\"")
        #expect(clauses[1].depth == 1)
        #expect(clauses[2].text == "employee.job_title.contains(\"Manager\")")
    }

    @Test("an unknown grant says so")
    func unknown() throws {
        let explanation = try PolicyFixtures.demoSet().explain(PolicyFixtures.sarah, GrantKey(system: "x", action: "y"))
        #expect(explanation.outcome == .unknownGrant)
    }
}
