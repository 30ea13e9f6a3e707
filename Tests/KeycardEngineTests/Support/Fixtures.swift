import Foundation
import KeycardAdapters
import KeycardCore
import KeycardEngine
import KeycardStore
import KeycardTestSupport

/// Sarah Chen from the seed and the access the seed gives her.
enum Fixtures {
    static let sarah = Employee(id: "E123", attributes: [
        "employee_id": .string("E123"), "email": .string("sarah.chen@company.com"),
        "first_name": .string("Sarah"), "last_name": .string("Chen"), "job_title": .string("Sales Engineer"),
        "department": .string("Sales"), "team": .string("Enterprise"), "employment_type": .string("full_time"),
        "start_date": .string("2024-01-15"), "manager_email": .string("mike.johnson@company.com"),
        "location": .string("San Francisco"), "work_arrangement": .string("hybrid"),
    ])

    /// The seed's eight grants.
    static let sarahGrants: [Grant] = [
        Grant(system: "okta", action: "create_user", critical: true),
        Grant(system: "okta", action: "add_to_group", parameters: ["group": "sales-team"]),
        Grant(system: "google", action: "create_account"),
        Grant(system: "google", action: "add_to_group", parameters: ["group": "sales@company.com"]),
        Grant(system: "salesforce", action: "create_user", parameters: ["profile": "sales-engineer"]),
        Grant(system: "slack", action: "invite_user"),
        Grant(system: "slack", action: "add_to_channel", parameters: ["channel": "#sales-team"]),
        Grant(system: "gitlab", action: "add_to_group", parameters: ["group": "customer-solutions", "role": "reporter"]),
    ]

    /// What a base-employee policy adds: the laptop and the welcome email.
    static let baseEmployeeGrants: [Grant] = [
        Grant(system: "jamf", action: "order_laptop"),
        Grant(system: "email", action: "send", parameters: ["template": "welcome"]),
    ]

    static let catalog = SystemCatalog.all

    /// Settings that make retries and polling fast for tests.
    static var fastConfiguration: EngineConfiguration {
        var configuration = EngineConfiguration(leaseDuration: 30, pollInterval: 0.05)
        configuration.retry = RetryPolicy(maxAttempts: 3, baseDelay: 0.001, maxDelay: 0.005)
        configuration.defaultLimits = SystemLimits(maxInFlight: 16, ratePerSecond: 100_000, burst: 1000)
        return configuration
    }
}

/// An engine over a fresh database and in-test adapters for every catalog system.
struct EngineHarness {
    let database: TestDatabase
    let engine: Engine
    let log = CallLog()
    let adapters: [String: ScriptedAdapter]

    init(
        configuration: EngineConfiguration = Fixtures.fastConfiguration, clock: any KeycardClock = SystemClock(),
        owner: String = "test-engine", database: TestDatabase? = nil
    ) throws {
        self.database = try database ?? TestDatabase(options: .init(synchronous: .normal))
        let log = self.log
        var adapters: [String: ScriptedAdapter] = [:]
        for system in SystemCatalog.declarations { adapters[system.system] = ScriptedAdapter(system, log: log) }
        self.adapters = adapters
        engine = Engine(
            database: self.database.database, catalog: Fixtures.catalog, adapters: Array(adapters.values),
            configuration: configuration, clock: clock, owner: owner)
    }

    func adapter(_ system: String) -> ScriptedAdapter { adapters[system]! }

    /// Submits and runs to the end (engine started by the caller).
    func run(_ request: PlanRequest, requestedBy: String = "hris:test") async throws -> (RunID, RunState) {
        let id = try await engine.submit(request, requestedBy: requestedBy)
        let state = try await engine.wait(for: id)
        return (id, state)
    }

    func step(_ detail: RunDetail, _ label: String) -> Step? {
        detail.steps.first { $0.label == label }
    }
}
