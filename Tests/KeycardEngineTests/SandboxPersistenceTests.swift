import Foundation
import KeycardAdapters
import KeycardCore
import KeycardTestSupport
import Testing

@Suite("Sandbox persistence and duplicate detection")
struct SandboxPersistenceTests {
    @Test func stateOutlivesTheProcessThatMadeIt() async throws {
        let directory = TemporaryDirectory(prefix: "keycard-sandbox")
        let configuration = SandboxConfiguration(database: directory.path("state/sandbox.sqlite"), onCrash: .throw)
        let first = try SandboxHarness(configuration)
        let created = try await first.call("okta", "create_user")
        try await first.call("okta", "add_to_group", ["group": "sales-team"])

        let reopened = try SandboxStore.open(path: directory.path("state/sandbox.sqlite"))
        #expect(try reopened.account(system: "okta", employeeID: "emp-001")?.externalID == created.confirmationID)
        #expect(try reopened.memberships(system: "okta", employeeID: "emp-001").count == 1)
        #expect(try reopened.sideEffects().map(\.action) == ["create_user", "add_to_group"])

        let second = try SandboxHarness(configuration)
        #expect(try await second.call("okta", "create_user").confirmationID == created.confirmationID)
        #expect(try second.store.callCount(system: "okta", action: "create_user") == 2)
    }

    @Test func duplicatesNameWhatWasDoneTwice() async throws {
        let sandbox = try SandboxHarness()
        try await sandbox.call("okta", "create_user")
        try await sandbox.call("okta", "add_to_group", ["group": "sales-team"])
        #expect(try sandbox.store.duplicates().isEmpty)
        try await sandbox.call("okta", "remove_from_group", ["group": "sales-team"])
        try await sandbox.call("okta", "add_to_group", ["group": "sales-team"])
        let duplicates = try sandbox.store.duplicates()
        let key = SideEffectKey(system: "okta", action: "add_to_group", target: "emp-001 group=sales-team")
        #expect(duplicates == [key: 2])
        #expect(try sandbox.store.sideEffectCounts()[SideEffectKey(system: "okta", action: "create_user", target: "emp-001")] == 1)
    }

    @Test func concurrentEnsuresMakeOneAccount() async throws {
        let sandbox = try SandboxHarness()
        try await withThrowingTaskGroup(of: AdapterConfirmation.self) { group in
            for attempt in 0..<16 {
                group.addTask { try await sandbox.call("okta", "create_user", key: "attempt-\(attempt)") }
            }
            let confirmations = try await group.reduce(into: []) { $0.append($1) }
            #expect(Set(confirmations.map(\.confirmationID)).count == 1)
            #expect(confirmations.filter { !$0.alreadyInState }.count == 1)
        }
        #expect(try sandbox.store.duplicates().isEmpty)
    }
}
