import KeycardAdapters
import KeycardCore
import Testing

@Suite("Sandbox ensure semantics")
struct SandboxEnsureTests {
    @Test func creatingAnExistingUserIsAlreadyInState() async throws {
        let sandbox = try SandboxHarness()
        let first = try await sandbox.call("okta", "create_user")
        let second = try await sandbox.call("okta", "create_user", key: "another-key")
        #expect(!first.alreadyInState)
        #expect(second.alreadyInState)
        #expect(first.confirmationID == second.confirmationID)
        #expect(first.confirmationID.hasPrefix("00u") && first.confirmationID.count == 20)
        #expect(try sandbox.store.account(system: "okta", employeeID: "emp-001")?.login == "sarah.chen@example.com")
        #expect(try sandbox.store.duplicates().isEmpty)
    }

    @Test func idsLookLikeTheRealSystems() async throws {
        let sandbox = try SandboxHarness()
        try await sandbox.call("okta", "create_user")
        let slack = try await sandbox.call("slack", "invite_user")
        let salesforce = try await sandbox.call("salesforce", "create_user", ["profile": "sales-engineer"])
        let google = try await sandbox.call("google", "create_account")
        #expect(slack.confirmationID.hasPrefix("U0") && slack.confirmationID.count == 11)
        #expect(salesforce.confirmationID.hasPrefix("005") && salesforce.confirmationID.count == 18)
        #expect(google.confirmationID.count == 21 && google.confirmationID.allSatisfy(\.isNumber))
    }

    @Test func membershipNeedsTheAccountFirst() async throws {
        let sandbox = try SandboxHarness()
        let error = await sandbox.failure("okta", "add_to_group", ["group": "sales-team"])
        #expect(error?.kind == .permanent)
        #expect(error?.message.contains("no okta account") == true)
        try await sandbox.call("okta", "create_user")
        #expect(try await !sandbox.call("okta", "add_to_group", ["group": "sales-team"]).alreadyInState)
        #expect(try await sandbox.call("okta", "add_to_group", ["group": "sales-team"]).alreadyInState)
        #expect(try sandbox.store.memberships(system: "okta", employeeID: "emp-001").map(\.container) == ["sales-team"])
    }

    @Test func federatedMembershipUsesTheOktaAccount() async throws {
        let sandbox = try SandboxHarness()
        #expect(await sandbox.failure("gitlab", "add_to_group", ["group": "customer-solutions", "role": "reporter"])?.kind == .permanent)
        try await sandbox.call("okta", "create_user")
        try await sandbox.call("gitlab", "add_to_group", ["group": "customer-solutions", "role": "reporter"])
        let changedRole = try await sandbox.call("gitlab", "add_to_group", ["group": "customer-solutions", "role": "developer"])
        #expect(!changedRole.alreadyInState)
        let memberships = try sandbox.store.memberships(system: "gitlab", employeeID: "emp-001")
        #expect(memberships.map(\.attributes) == [["role": "developer"]])
        #expect(try await !sandbox.call("gitlab", "block_user").alreadyInState)
        #expect(try sandbox.store.account(system: "gitlab", employeeID: "emp-001")?.status == "blocked")
    }

    @Test func revocationsOfMissingThingsAreDone() async throws {
        let sandbox = try SandboxHarness()
        #expect(try await sandbox.call("okta", "remove_from_group", ["group": "x"]).alreadyInState)
        #expect(try await sandbox.call("okta", "deactivate_user").alreadyInState)
        #expect(await sandbox.failure("okta", "reactivate_user")?.kind == .permanent)
        try await sandbox.call("okta", "create_user")
        try await sandbox.call("okta", "deactivate_user")
        #expect(try sandbox.store.account(system: "okta", employeeID: "emp-001")?.status == "deactivated")
        #expect(try await !sandbox.call("okta", "create_user").alreadyInState)
        #expect(try sandbox.store.account(system: "okta", employeeID: "emp-001")?.status == "active")
    }

    @Test func laptopIsOrderedOnceThenAssigned() async throws {
        let sandbox = try SandboxHarness()
        #expect(await sandbox.failure("jamf", "assign_device")?.kind == .permanent)
        let order = try await sandbox.call("jamf", "order_laptop")
        #expect(order.confirmationID.hasPrefix("PO-"))
        #expect(try await sandbox.call("jamf", "order_laptop").alreadyInState)
        let assigned = try await sandbox.call("jamf", "assign_device")
        #expect(try await sandbox.call("jamf", "assign_device").alreadyInState)
        let devices = try sandbox.store.devices(employeeID: "emp-001")
        #expect(devices.count == 1)
        #expect(devices.first?.status == "assigned" && devices.first?.serial == assigned.confirmationID)
        try await sandbox.call("jamf", "wipe_device")
        #expect(try sandbox.store.devices(employeeID: "emp-001").first?.status == "wiped")
    }

    @Test func messagesAreSentOnce() async throws {
        let sandbox = try SandboxHarness()
        try await sandbox.call("email", "send", ["template": "welcome"])
        #expect(try await sandbox.call("email", "send", ["template": "welcome"], key: "retry").alreadyInState)
        #expect(await sandbox.failure("calendar", "invite", ["event": "orientation"])?.kind == .permanent)
        try await sandbox.call("google", "create_account")
        try await sandbox.call("calendar", "invite", ["event": "orientation"])
        try await sandbox.call("calendar", "cancel_invite", ["event": "orientation"])
        let messages = try sandbox.store.messages(employeeID: "emp-001")
        #expect(messages.map(\.status).sorted() == ["retracted", "sent"])
        #expect(messages.first { $0.system == "email" }?.recipient == "sarah.chen@example.com")
    }

    @Test func driveTransferNeedsSomeoneToReceive() async throws {
        let sandbox = try SandboxHarness()
        let orphan = Employee(id: "emp-002", attributes: [:])
        #expect(await sandbox.failure("google", "transfer_ownership", employee: orphan)?.kind == .needsHuman)
        try await sandbox.call("google", "create_account")
        #expect(try await !sandbox.call("google", "transfer_ownership").alreadyInState)
        #expect(try await sandbox.call("google", "transfer_ownership").alreadyInState)
    }

    @Test func missingParameterAndUnknownActionArePermanent() async throws {
        let sandbox = try SandboxHarness()
        let missing = await sandbox.failure("salesforce", "create_user")
        #expect(missing?.kind == .permanent && missing?.message.contains("profile") == true)
        #expect(await sandbox.failure("okta", "teleport")?.message.contains("no action 'teleport'") == true)
    }
}
