import KeycardCore
import KeycardPolicy
import Testing

@Suite("Evaluation")
struct EvaluationTests {
    @Test("Sarah Chen gets the seed's eight grants plus the base employee extras, in stable order")
    func sarahChen() throws {
        let grants = try PolicyFixtures.demoSet().evaluate(PolicyFixtures.sarah)
        #expect(grants.map(\.key.description) == [
            "okta:create_user",
            "okta:add_to_group group=sales-team",
            "google:create_account",
            "google:add_to_group group=sales@company.com",
            "slack:invite_user",
            "slack:add_to_channel channel=#general",
            "slack:add_to_channel channel=#sales-team",
            "notion:add_to_workspace workspace=company",
            "gitlab:add_to_group group=customer-solutions role=reporter",
            "salesforce:create_user profile=sales-engineer",
        ])
        #expect(grants.filter(\.critical).map { "\($0.system):\($0.action)" } == ["okta:create_user", "google:create_account"],
                "the identity and the mailbox are critical: without them the run rolls back")
        #expect(grants.allSatisfy { $0.approval == nil })
    }
}

extension EvaluationTests {
    static let overlapping = [
        "a.yaml": """
        - id: everyone
          when: "true"
          grants:
            - { system: slack, action: add_to_channel, channel: "#general" }
        - id: sales
          when: employee.department == "Sales"
          grants:
            - { system: slack, action: add_to_channel, channel: "#general", critical: true }
            - { system: aws, action: assign_permission_set, permission_set: Prod, bundle: prod-access, approval: required, approvers: "group:cloud" }
        - id: no-prod-contractors
          effect: deny
          bundle: prod-access
          when: employee.employment_type == "contractor"
        """,
    ]

    @Test("two policies giving one grant give one grant with both justifications and merged flags")
    func dedupe() throws {
        let set = try PolicyFixtures.set(Self.overlapping)
        let grants = set.evaluate(PolicyFixtures.employee(["department": .string("Sales")]))
        #expect(grants.count == 2)
        let general = try #require(grants.first { $0.system == "slack" })
        #expect(general.justifications.map(\.policyID) == ["everyone", "sales"])
        #expect(general.critical)
        let justification = try #require(general.justifications.first)
        #expect(justification.condition == "true")
        #expect(justification.file == "a.yaml")
        #expect(justification.policyVersion == PolicyFileParser.version(of: Self.overlapping["a.yaml"]!))
        #expect(justification.policyVersion.hasPrefix("sha256:") && justification.policyVersion.count == 19)
        let aws = try #require(grants.first { $0.system == "aws" })
        #expect(aws.approval == ApprovalRequirement(approvers: .group("cloud")))
        #expect(aws.bundle == "prod-access")
    }

    @Test("deny overrides allow for the grants of its bundle only")
    func denyOverrides() throws {
        let set = try PolicyFixtures.set(Self.overlapping)
        let grants = set.evaluate(PolicyFixtures.employee([
            "department": .string("Sales"), "employment_type": .string("contractor"),
        ]))
        #expect(grants.map(\.system) == ["slack"])
    }

    @Test("the demo deny rule removes production AWS from an engineering contractor")
    func demoDeny() throws {
        let set = try PolicyFixtures.demoSet()
        var attributes = PolicyFixtures.sarah.attributes
        attributes["department"] = .string("Engineering")
        attributes["job_title"] = .string("Software Engineer")
        let employee = Employee(id: "E2", attributes: attributes)
        #expect(set.evaluate(employee).contains { $0.system == "aws" })
        attributes["employment_type"] = .string("contractor")
        let contractor = Employee(id: "E3", attributes: attributes)
        #expect(!set.evaluate(contractor).contains { $0.system == "aws" })
        #expect(set.evaluate(contractor).contains { $0.system == "gitlab" })
    }

    @Test("evaluation is deterministic and the index agrees with evaluating every policy")
    func indexAgreesWithScan() throws {
        let set = try PolicyFixtures.demoSet()
        let titles = ["Sales Engineer", "Account Executive", "Engineering Manager", "Software Engineer", "Designer"]
        let departments = ["Sales", "Engineering", "Marketing", "Finance"]
        let types = ["full_time", "contractor", "intern", "part_time", "vendor"]
        for title in titles {
            for department in departments {
                for type in types {
                    let employee = PolicyFixtures.employee([
                        "job_title": .string(title), "department": .string(department),
                        "employment_type": .string(type), "start_date": .string("2024-01-01"),
                    ])
                    let grants = set.evaluate(employee)
                    #expect(grants == set.evaluate(employee))
                    #expect(Set(grants.map(\.key)) == bruteForce(set, employee))
                }
            }
        }
    }

    /// The reference semantics: every allow policy's grants minus the bundles of every matching deny rule.
    func bruteForce(_ set: PolicySet, _ employee: Employee) -> Set<GrantKey> {
        let matched = set.policies.filter { set.matches($0, employee) }
        let denied = Set(matched.filter { $0.effect == .deny }.flatMap(\.deniedBundles))
        return Set(matched.filter { $0.effect == .allow }.flatMap(\.grants)
            .filter { $0.bundle.map { !denied.contains($0) } ?? true }.map(\.key))
    }
}
