import Foundation
import KeycardAdapters
import KeycardCore
import KeycardEngine
import Synchronization

/// 2,000 hires against the sandbox systems, each system limited like the real vendor's write API, with every
/// rate multiplied (and every latency divided) by `speedup` so ten minutes of provisioning take a few seconds.
enum BulkHires {
    static let hires = 2000
    static let speedup = 150.0

    /// A vendor's documented write limit, as a token bucket.
    struct VendorLimit {
        var perMinute: Double
        var burst: Int
    }

    /// Okta: 600/min on user creation; Google Directory API: 10 QPS; Slack SCIM writes: 600/min with bursts of
    /// 180; Notion: an average of 3 requests/s; Salesforce: 25 concurrent long requests, ~1,200/min here;
    /// GitLab.com: 2,000 authenticated requests/min.
    static let vendorLimits: [String: VendorLimit] = [
        "okta": VendorLimit(perMinute: 600, burst: 60),
        "google": VendorLimit(perMinute: 600, burst: 10),
        "slack": VendorLimit(perMinute: 600, burst: 180),
        "notion": VendorLimit(perMinute: 180, burst: 9),
        "salesforce": VendorLimit(perMinute: 1200, burst: 25),
        "gitlab": VendorLimit(perMinute: 2000, burst: 100),
    ]

    static func ratePerSecond(_ system: String) -> Double {
        (vendorLimits[system]?.perMinute ?? 6000) / 60 * speedup
    }

    /// The sandbox: every system rate-limited as above, answering in ~150–600 ms real time (scaled).
    static func sandbox(seed: UInt64) -> SandboxConfiguration {
        var systems: [String: SystemBehavior] = [:]
        for (system, limit) in vendorLimits {
            systems[system] = SystemBehavior(
                rateLimit: RateLimitSettings(perSecond: ratePerSecond(system), burst: limit.burst))
        }
        let latency = LatencyDistribution.lognormal(median: 150 / speedup, p99: 600 / speedup, max: 2000 / speedup)
        return SandboxConfiguration(
            database: nil, seed: seed, defaults: SystemBehavior(latencyMs: latency), systems: systems, onCrash: .throw)
    }

    /// The engine is told the same limits an operator would copy from the vendor's documentation.
    static var configuration: EngineConfiguration {
        var configuration = EngineConfiguration(leaseDuration: 60, pollInterval: 5)
        configuration.retry = RetryPolicy(maxAttempts: 8, baseDelay: 0.01, maxDelay: 0.5)
        configuration.defaultLimits = SystemLimits(maxInFlight: 64, ratePerSecond: 100_000, burst: 1000)
        for (system, limit) in vendorLimits {
            configuration.systems[system] = SystemLimits(
                maxInFlight: 64, ratePerSecond: ratePerSecond(system), burst: Double(limit.burst))
        }
        return configuration
    }

    /// Hire `number`: Sales, Engineering and Marketing in turn.
    static func employee(_ number: Int) -> Employee {
        let id = String(format: "H%05d", number)
        let department = ["Sales", "Engineering", "Marketing"][number % 3]
        return Employee(id: id, attributes: [
            "employee_id": .string(id), "email": .string("\(id.lowercased())@company.com"),
            "department": .string(department), "employment_type": .string("full_time"),
        ])
    }

    /// What the demo policies give: the base access, the department's group, list and channel, and a role system.
    static func grants(_ number: Int) -> [Grant] {
        let department = ["sales", "engineering", "marketing"][number % 3]
        var grants = [
            Grant(system: "okta", action: "create_user", critical: true),
            Grant(system: "google", action: "create_account"),
            Grant(system: "slack", action: "invite_user"),
            Grant(system: "slack", action: "add_to_channel", parameters: ["channel": "#general"]),
            Grant(system: "notion", action: "add_to_workspace", parameters: ["workspace": "company"]),
            Grant(system: "okta", action: "add_to_group", parameters: ["group": department]),
            Grant(system: "google", action: "add_to_group", parameters: ["group": "\(department)@company.com"]),
            Grant(system: "slack", action: "add_to_channel", parameters: ["channel": "#\(department)"]),
        ]
        switch number % 3 {
        case 0: grants.append(Grant(system: "salesforce", action: "create_user", parameters: ["profile": "sales-engineer"]))
        case 1: grants.append(Grant(system: "gitlab", action: "add_to_group", parameters: ["group": "engineering", "role": "developer"]))
        default: break
        }
        return grants
    }

    /// Submits every request at once, then waits for each run; every one must succeed.
    static func submitAndWait(_ requests: [PlanRequest], engine: Engine) async throws {
        let ids = try await withThrowingTaskGroup(of: RunID.self) { group in
            for request in requests { group.addTask { try await engine.submit(request, requestedBy: "bench") } }
            return try await group.reduce(into: [RunID]()) { $0.append($1) }
        }
        for (id, state) in zip(ids, try await engine.waitForAll(ids)) {
            precondition(state == .succeeded, "run \(id) ended \(state)")
        }
    }

    /// The shortest possible wall time: the busiest system's calls beyond its burst, at its rate.
    static func bound(callsPerSystem: [String: Int]) -> (system: String, seconds: Double) {
        var busiest = ("", 0.0)
        for (system, calls) in callsPerSystem {
            let burst = Double(vendorLimits[system]?.burst ?? 0)
            let seconds = max(0, Double(calls) - burst) / ratePerSecond(system)
            if seconds > busiest.1 { busiest = (system, seconds) }
        }
        return busiest
    }
}

/// Forwards to a sandbox system and counts every call made (429s included): the steps the engine executed.
final class CountingAdapter: SystemAdapter {
    let inner: any SystemAdapter
    private let count = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)

    init(_ inner: any SystemAdapter) {
        self.inner = inner
    }

    var capabilities: SystemCapabilities { inner.capabilities }
    var calls: Int { count.load(ordering: .relaxed) }
    /// Calls the system refused with 429.
    var rateLimited: Int { refused.load(ordering: .relaxed) }

    func perform(_ request: AdapterRequest) async throws(AdapterError) -> AdapterConfirmation {
        count.add(1, ordering: .relaxed)
        do {
            return try await inner.perform(request)
        } catch {
            if error.kind == .rateLimited { refused.add(1, ordering: .relaxed) }
            throw error
        }
    }
}

/// Answers every call at once with the sandbox system's capabilities: the bulk's engine alone, nothing simulated.
final class InstantAdapter: SystemAdapter {
    let capabilities: SystemCapabilities
    private let count = Atomic<Int>(0)

    init(_ capabilities: SystemCapabilities) {
        self.capabilities = capabilities
    }

    var calls: Int { count.load(ordering: .relaxed) }

    func perform(_ request: AdapterRequest) async throws(AdapterError) -> AdapterConfirmation {
        let number = count.add(1, ordering: .relaxed).newValue
        return AdapterConfirmation(confirmationID: "\(request.system)-\(number)")
    }
}

/// CPU time (user + system) this process has used so far, in nanoseconds.
func processCPUNanoseconds() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Int(usage.ru_utime.tv_sec) * 1_000_000_000 + Int(usage.ru_utime.tv_usec) * 1000
    let system = Int(usage.ru_stime.tv_sec) * 1_000_000_000 + Int(usage.ru_stime.tv_usec) * 1000
    return user + system
}
