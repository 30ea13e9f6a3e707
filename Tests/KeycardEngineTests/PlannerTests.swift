import KeycardCore
import KeycardEngine
import Testing

@Suite("Planner")
struct PlannerTests {
    let planner = Planner(catalog: Fixtures.catalog)

    private func tiers(_ plan: RunPlan) -> [[String]] {
        plan.tiers.map { $0.map { plan.steps[$0].label }.sorted() }
    }

    @Test("Sarah Chen's eight grants plus laptop and welcome mail plan into identity → accounts → memberships → device → notifications")
    func sarahChenTiers() throws {
        let plan = try planner.plan(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants + Fixtures.baseEmployeeGrants))
        #expect(plan.tierNames == ["identity", "accounts", "memberships", "device", "notifications"])
        #expect(tiers(plan) == [
            ["google:create_account", "okta:create_user"],
            ["salesforce:create_user profile=sales-engineer", "slack:invite_user"],
            [
                "gitlab:add_to_group group=customer-solutions role=reporter", "google:add_to_group group=sales@company.com",
                "okta:add_to_group group=sales-team", "slack:add_to_channel channel=#sales-team",
            ],
            ["jamf:order_laptop"],
            ["email:send template=welcome"],
        ])
    }

    @Test("every dependency points to an earlier tier, and federated apps wait for the Okta account")
    func dependenciesPointBackwards() throws {
        let plan = try planner.plan(.joiner(Fixtures.sarah, grants: Fixtures.sarahGrants + Fixtures.baseEmployeeGrants))
        for step in plan.steps {
            for dependency in step.dependencies { #expect(plan.steps[dependency].tier < step.tier) }
        }
        let okta = try #require(plan.steps.first { $0.label == "okta:create_user" })
        let salesforce = try #require(plan.steps.first { $0.system == "salesforce" })
        let channel = try #require(plan.steps.first { $0.action == "add_to_channel" })
        let invite = try #require(plan.steps.first { $0.action == "invite_user" })
        #expect(salesforce.dependencies.contains(okta.index))
        #expect(channel.dependencies.contains(invite.index))
        #expect(plan.steps.first { $0.system == "jamf" }?.dependencies.contains(okta.index) == true)
    }

    @Test("a membership without its account gets an implied account step")
    func impliedAccount() throws {
        let plan = try planner.plan(.joiner(Fixtures.sarah, grants: [
            Grant(system: "slack", action: "add_to_channel", parameters: ["channel": "#general"]),
        ]))
        #expect(plan.steps.map(\.label) == ["slack:add_to_channel channel=#general", "slack:invite_user", "okta:create_user"])
        #expect(plan.steps.map(\.purpose) == [.grant, .implied, .implied])
        #expect(tiers(plan) == [["okta:create_user"], ["slack:invite_user"], ["slack:add_to_channel channel=#general"]])
    }

    @Test("unknown systems, unknown actions and missing parameters are all reported, naming the grant")
    func unknownActions() {
        let grants = [
            Grant(system: "okta", action: "create_usr"),
            Grant(system: "oktaa", action: "create_user"),
            Grant(system: "okta", action: "add_to_group"),
        ]
        #expect {
            try planner.plan(.joiner(Fixtures.sarah, grants: grants))
        } throws: { error in
            guard let error = error as? PlanningError else { return false }
            let text = error.description
            return error.problems.count == 3 && text.contains("system okta has no action \"create_usr\"")
                && text.contains("unknown system \"oktaa\"") && text.contains("missing parameter \"group\"")
        }
    }

    @Test("a cycle in the catalog's requirements is a planning error that shows the cycle")
    func cycle() {
        let catalog = CapabilityCatalog([
            SystemCapabilities(system: "loop", displayName: "Loop", actions: [
                ActionCapability(name: "a", kind: .account, requires: ["b"]),
                ActionCapability(name: "b", kind: .account, requires: ["a"]),
            ]),
        ])
        let planner = Planner(catalog: catalog)
        let grants = [Grant(system: "loop", action: "a"), Grant(system: "loop", action: "b")]
        #expect {
            try planner.plan(.joiner(Fixtures.sarah, grants: grants))
        } throws: { error in
            guard let error = error as? PlanningError, case .cycle(let path)? = error.problems.first else { return false }
            return path.first == path.last && Set(path) == ["loop:a", "loop:b"]
                && error.description.contains("dependency cycle")
        }
    }

    @Test("a mover gets new access first, then loses the old, and shared access is not touched")
    func mover() throws {
        let keep = [Grant(system: "okta", action: "create_user"), Grant(system: "slack", action: "invite_user")]
        let add = [Grant(system: "okta", action: "add_to_group", parameters: ["group": "support"])]
        let revoke = [
            Grant(system: "okta", action: "add_to_group", parameters: ["group": "sales-team"]),
            Grant(system: "salesforce", action: "create_user", parameters: ["profile": "sales-engineer"]),
        ]
        let plan = try planner.plan(.mover(Fixtures.sarah, add: add, revoke: revoke, keep: keep))
        #expect(plan.steps.map(\.label) == [
            "okta:add_to_group group=support", "okta:remove_from_group group=sales-team",
            "salesforce:deactivate_user profile=sales-engineer",
        ])
        #expect(plan.steps[1].dependencies == [0])
        #expect(plan.steps[2].dependencies == [0])
        #expect(!plan.steps.contains { $0.label == "okta:create_user" || $0.system == "slack" })
    }

    @Test("a leaver loses memberships, then Drive ownership moves to the manager, then accounts close, identity last")
    func leaver() throws {
        let plan = try planner.plan(.leaver(Fixtures.sarah, currentGrants: Fixtures.sarahGrants + Fixtures.baseEmployeeGrants))
        #expect(plan.tierNames == ["revoke access", "transfer ownership", "deprovision accounts", "deprovision identity"])
        #expect(tiers(plan) == [
            [
                "gitlab:remove_from_group group=customer-solutions role=reporter",
                "google:remove_from_group group=sales@company.com", "okta:remove_from_group group=sales-team",
                "slack:remove_from_channel channel=#sales-team",
            ],
            ["google:transfer_ownership to=mike.johnson@company.com"],
            ["salesforce:deactivate_user profile=sales-engineer", "slack:deactivate_user"],
            ["google:suspend_account", "okta:deactivate_user"],
        ])
        #expect(plan.steps.allSatisfy { !$0.critical })
    }
}
