import KeycardCore
import KeycardPolicy
import Testing

@Suite("Mover and leaver diff")
struct DiffTests {
    @Test("a Sales Engineer moving to Engineering: add the new, revoke the old, keep the shared")
    func mover() throws {
        let set = try PolicyFixtures.demoSet()
        var attributes = PolicyFixtures.sarah.attributes
        attributes["department"] = .string("Engineering")
        attributes["job_title"] = .string("Software Engineer")
        let diff = set.diff(before: PolicyFixtures.sarah, after: Employee(id: PolicyFixtures.sarah.id, attributes: attributes))
        #expect(diff.add.map(\.key.description).contains("okta:add_to_group group=engineering"))
        #expect(diff.add.contains { $0.system == "aws" })
        #expect(diff.revoke.map(\.key.description) == [
            "okta:add_to_group group=sales-team", "google:add_to_group group=sales@company.com",
            "slack:add_to_channel channel=#sales-team", "gitlab:add_to_group group=customer-solutions role=reporter",
            "salesforce:create_user profile=sales-engineer",
        ])
        #expect(diff.keep.map(\.key.description).contains("okta:create_user"))
        #expect(diff.keep.count == 5)
        #expect(!diff.isEmpty)
    }

    @Test("no attribute change, no diff")
    func unchanged() throws {
        let set = try PolicyFixtures.demoSet()
        let diff = set.diff(before: PolicyFixtures.sarah, after: PolicyFixtures.sarah)
        #expect(diff.isEmpty)
        #expect(diff.keep.count == 10)
    }

    @Test("a leaver has everything revoked")
    func leaver() throws {
        let set = try PolicyFixtures.demoSet()
        let diff = set.leaver(PolicyFixtures.sarah)
        #expect(diff.revoke.map(\.key) == set.evaluate(PolicyFixtures.sarah).map(\.key))
        #expect(diff.add.isEmpty && diff.keep.isEmpty)
    }
}
