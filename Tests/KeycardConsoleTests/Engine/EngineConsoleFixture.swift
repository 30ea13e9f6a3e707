import Foundation
import KeycardAdapters
import KeycardConsole
import KeycardCore
import KeycardEngine
import KeycardStore
import KeycardTestSupport

/// A real engine over a temporary SQLite store and the sandbox systems, with one joiner run for Sarah Chen that
/// ends up with a failed GitLab step (permanent, once) and an Okta grant waiting for her manager's approval.
struct EngineConsoleFixture {
    static let sarah = Employee(id: "E123", attributes: [
        "employee_id": .string("E123"), "email": .string("sarah.chen@company.com"), "first_name": .string("Sarah"),
        "last_name": .string("Chen"), "job_title": .string("Sales Engineer"), "department": .string("Sales"),
        "employment_type": .string("full_time"), "start_date": .string("2024-01-15"),
        "manager_email": .string("mike.johnson@company.com"),
    ])
    static let manager = "mike.johnson@company.com"
    static let approvalLabel = "okta:add_to_group group=prod-admins"
    static let failingLabel = "gitlab:add_to_group group=customer-solutions role=reporter"

    static let grants: [Grant] = [
        Grant(system: "okta", action: "create_user", critical: true),
        Grant(system: "okta", action: "add_to_group", parameters: ["group": "sales-team"]),
        Grant(
            system: "okta", action: "add_to_group", parameters: ["group": "prod-admins"],
            approval: ApprovalRequirement(approvers: .manager, reason: "administrator on production")),
        Grant(system: "gitlab", action: "add_to_group", parameters: ["group": "customer-solutions", "role": "reporter"]),
        Grant(system: "slack", action: "invite_user"),
    ]

    let database: TestDatabase
    let engine: Engine
    let runID: RunID

    /// Starts the engine and waits until the run only waits for a person (the approval and the failed step).
    init(faults: [SandboxFault] = [SandboxFault(system: "gitlab", action: "add_to_group", times: 1, error: .permanent, message: "group is archived")]) async throws {
        database = try TestDatabase(options: .init(synchronous: .normal))
        var configuration = EngineConfiguration(leaseDuration: 30, pollInterval: 0.05)
        configuration.retry = RetryPolicy(maxAttempts: 2, baseDelay: 0.001, maxDelay: 0.005)
        configuration.defaultLimits = SystemLimits(maxInFlight: 16, ratePerSecond: 100_000, burst: 1000)
        let adapters = try SandboxSystems.make(configuration: SandboxConfiguration(seed: 7, faults: faults, onCrash: .throw))
        engine = Engine(
            database: database.database, catalog: SystemCatalog.all, adapters: adapters, configuration: configuration,
            owner: "console-test")
        await engine.start()
        runID = try await engine.submit(.joiner(Self.sarah, grants: Self.grants), requestedBy: "hris:test")
        let engine = self.engine
        let runID = self.runID
        try await Self.waitUntil("the run waits for a person") {
            let steps = try engine.run(runID).steps
            return steps.allSatisfy { [.succeeded, .failed, .awaitingApproval].contains($0.state) }
        }
    }

    func dataSource(actor: String = Self.manager, readOnly: Bool = false) -> EngineDataSource {
        EngineDataSource(engine: engine, organization: "Company", actor: actor, readOnly: readOnly)
    }

    func step(_ label: String) throws -> Step? {
        try engine.run(runID).steps.first { $0.label == label }
    }

    func stop() async {
        await engine.stop()
    }

    /// Polls `condition` until it holds, failing after `timeout` seconds (never a fixed sleep). The limit is generous:
    /// in the full suite, command-line tests wait for child `keycard` processes on the two threads of the task pool,
    /// and everything async (this engine included) stands still meanwhile, for seconds now that every commit syncs.
    static func waitUntil(_ what: String, timeout: Double = 60, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try await !condition() {
            guard Date() < deadline else { throw TimedOut(what: what) }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var what: String
        var description: String { "timed out waiting until \(what)" }
    }
}
