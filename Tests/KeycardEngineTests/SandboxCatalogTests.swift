import KeycardAdapters
import KeycardCore
import Testing

@Suite("Sandbox catalog")
struct SandboxCatalogTests {
    @Test func declaresTheSeedActions() {
        let seed = [
            ("okta", "create_user"), ("okta", "add_to_group"), ("google", "create_account"), ("google", "add_to_group"),
            ("salesforce", "create_user"), ("slack", "invite_user"), ("slack", "add_to_channel"),
            ("gitlab", "add_to_group"), ("aws", "assign_permission_set"), ("google", "transfer_ownership"),
            ("jamf", "order_laptop"), ("email", "send"), ("calendar", "invite"), ("slack_message", "send"),
        ]
        for (system, action) in seed {
            #expect(SystemCatalog.all.action(system: system, action: action) != nil, "\(system):\(action)")
        }
        #expect(SystemCatalog.all.action(system: "salesforce", action: "create_user")?.requiredParameters == ["profile"])
        #expect(SystemCatalog.all.action(system: "gitlab", action: "add_to_group")?.requiredParameters == ["group", "role"])
    }

    @Test func everyCompensationAndRequirementResolves() {
        for (system, capabilities) in SystemCatalog.all.systems {
            for action in capabilities.actions {
                if let compensation = action.compensation {
                    #expect(capabilities.action(compensation) != nil, "\(system):\(action.name) → \(compensation)")
                }
                for requirement in action.requires {
                    let parts = requirement.split(separator: ":").map(String.init)
                    let (requiredSystem, requiredAction) = parts.count == 2 ? (parts[0], parts[1]) : (system, parts[0])
                    #expect(
                        SystemCatalog.all.action(system: requiredSystem, action: requiredAction) != nil,
                        "\(system):\(action.name) requires \(requirement)")
                }
            }
        }
    }

    @Test func federatedAppsNeedTheOktaAccount() {
        for (system, action) in [
            ("slack", "invite_user"), ("salesforce", "create_user"), ("gitlab", "add_to_group"),
            ("notion", "add_to_workspace"), ("aws", "assign_permission_set"),
        ] {
            #expect(SystemCatalog.all.action(system: system, action: action)?.requires == ["okta:create_user"])
        }
    }

    @Test func everyDeclaredActionIsSimulated() async throws {
        let systems = try SandboxSystems.makeSystems(configuration: SandboxConfiguration(onCrash: .throw))
        #expect(systems.map(\.system).sorted() == SystemCatalog.all.systemNames)
        for system in systems {
            for action in system.capabilities.actions {
                let request = AdapterRequest(
                    system: system.system, action: action.name, employee: SandboxHarness.sarah, parameters: [:],
                    idempotencyKey: "k")
                do {
                    _ = try await system.perform(request)
                } catch {
                    #expect(!error.message.contains("has no action"), "\(system.system):\(action.name): \(error)")
                }
            }
        }
    }
}
