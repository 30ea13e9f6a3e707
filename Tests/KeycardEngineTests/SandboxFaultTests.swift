import KeycardAdapters
import KeycardCore
import KeycardTestSupport
import Testing

@Suite("Sandbox scripted faults")
struct SandboxFaultTests {
    private func harness(_ faults: [SandboxFault]) throws -> SandboxHarness {
        try SandboxHarness(SandboxConfiguration(faults: faults, onCrash: .throw))
    }

    @Test func failsOnlyTheSecondCall() async throws {
        let sandbox = try harness([SandboxFault(system: "okta", action: "create_user", call: 2)])
        let other = Employee(id: "emp-002", attributes: [:])
        #expect(await sandbox.failure("okta", "create_user") == nil)
        #expect(await sandbox.failure("okta", "create_user", employee: other)?.kind == .retryable)
        #expect(await sandbox.failure("okta", "create_user", employee: other) == nil)
        #expect(try sandbox.store.account(system: "okta", employeeID: "emp-002") != nil)
        #expect(try sandbox.store.callCount(system: "okta", action: "create_user") == 3)
    }

    @Test func failsNTimesThenSucceeds() async throws {
        let sandbox = try harness([SandboxFault(system: "slack", times: 2, error: .rateLimited, retryAfter: 3)])
        try await sandbox.call("okta", "create_user")
        let first = await sandbox.failure("slack", "invite_user")
        #expect(first?.kind == .rateLimited && first?.retryAfter == 3)
        #expect(await sandbox.failure("slack", "invite_user")?.kind == .rateLimited)
        #expect(try sandbox.store.account(system: "slack", employeeID: "emp-001") == nil)
        #expect(await sandbox.failure("slack", "invite_user") == nil)
    }

    @Test func faultForOneEmployeeOnly() async throws {
        let sandbox = try harness([
            SandboxFault(system: "okta", action: "create_user", employee: "emp-002", error: .permanent, message: "login taken")
        ])
        #expect(await sandbox.failure("okta", "create_user") == nil)
        let error = await sandbox.failure("okta", "create_user", employee: Employee(id: "emp-002", attributes: [:]))
        #expect(error == AdapterError(.permanent, "login taken"))
    }

    @Test func appliedFaultCommitsTheEffectThenFails() async throws {
        let sandbox = try harness([SandboxFault(system: "okta", action: "create_user", call: 1, error: .timeout, effect: .applied)])
        #expect(await sandbox.failure("okta", "create_user")?.kind == .retryable)
        #expect(try sandbox.store.account(system: "okta", employeeID: "emp-001") != nil)
        let retry = try await sandbox.call("okta", "create_user")
        #expect(retry.alreadyInState)
        #expect(try sandbox.store.sideEffectCounts().values.reduce(0, +) == 1)
    }

    @Test func crashAfterTheEffectKeepsTheEffectAndFiresOnce() async throws {
        let directory = TemporaryDirectory(prefix: "keycard-sandbox")
        var configuration = SandboxConfiguration(
            database: directory.path("sandbox.sqlite"),
            faults: [SandboxFault(system: "okta", action: "create_user", call: 1, effect: .crash)], onCrash: .throw)
        let first = try SandboxHarness(configuration)
        let crash = await first.failure("okta", "create_user")
        #expect(crash?.message.contains("simulated crash") == true)
        configuration.seed = 2
        let restarted = try SandboxHarness(configuration)
        #expect(try await restarted.call("okta", "create_user").alreadyInState)
        #expect(try restarted.store.duplicates().isEmpty)
    }

    @Test func errorRateOneFailsEveryCallWithoutEffect() async throws {
        let sandbox = try SandboxHarness(SandboxConfiguration(systems: ["okta": SystemBehavior(errorRate: 1)], onCrash: .throw))
        #expect(await sandbox.failure("okta", "create_user")?.message.contains("503") == true)
        #expect(try sandbox.store.sideEffects().isEmpty)
        #expect(await sandbox.failure("google", "create_account") == nil)
    }
}
