import Foundation
import KeycardCore
import KeycardEngine
import Synchronization

/// The shared onboarding-dag workload (../shared/bench/onboarding-dag): 24 steps in 6 tiers of 4, each step a
/// 50 ms call, each tier after the whole previous tier; step t2s1 fails twice, then succeeds; fixed 100 ms backoff.
enum OnboardingDAG {
    static let tiers = 6
    static let width = 4
    static let stepLatency: Duration = .milliseconds(50)

    static func action(tier: Int, step: Int) -> String { "t\(tier)s\(step)" }

    static var capabilities: SystemCapabilities {
        var actions: [ActionCapability] = []
        for tier in 0..<tiers {
            for step in 0..<width {
                let previous = tier == 0 ? [] : (0..<width).map { action(tier: tier - 1, step: $0) }
                actions.append(ActionCapability(name: action(tier: tier, step: step), kind: .account, requires: previous))
            }
        }
        return SystemCapabilities(system: "dag", displayName: "Onboarding DAG", actions: actions)
    }

    static var grants: [Grant] {
        (0..<tiers).flatMap { tier in (0..<width).map { Grant(system: "dag", action: action(tier: tier, step: $0)) } }
    }

    static var configuration: EngineConfiguration {
        var configuration = EngineConfiguration(leaseDuration: 60, pollInterval: 5)
        configuration.retry = RetryPolicy(maxAttempts: 3, baseDelay: 0.1, maxDelay: 0.1, multiplier: 1, jitter: .none)
        configuration.defaultLimits = SystemLimits(maxInFlight: 100_000, ratePerSecond: 10_000_000, burst: 100_000)
        return configuration
    }

    static let employee = Employee(id: "E1", attributes: ["email": .string("bench@company.com")])
}

/// The sandbox call of the workload: sleeps 50 ms; `t2s1` fails its first two attempts of each run.
final class DAGAdapter: SystemAdapter {
    let capabilities = OnboardingDAG.capabilities
    private let calls = Mutex<[String: Int]>([:])
    /// How much longer than 50 ms each call's sleep took (recorded with KEYCARD_BENCH_VERBOSE): the runtime's timer
    /// latency, part of every step on the critical path, not the engine's.
    let oversleep = Mutex<[Duration]>([])
    static let verbose = ProcessInfo.processInfo.environment["KEYCARD_BENCH_VERBOSE"] != nil

    /// Each call's action, start and end (recorded with KEYCARD_BENCH_VERBOSE): where the time between tiers goes.
    let timeline = Mutex<[(action: String, start: ContinuousClock.Instant, end: ContinuousClock.Instant)]>([])

    var executions: Int { calls.withLock { $0.values.reduce(0, +) } }

    /// Per tier, when its first call started and its last call ended, in ms from `origin` (verbose only).
    func tierSummary(since origin: ContinuousClock.Instant) -> String {
        let calls = timeline.withLock { $0 }
        func ms(_ instant: ContinuousClock.Instant) -> String {
            String(format: "%.1f", (instant - origin).timeInterval * 1000)
        }
        return (0..<OnboardingDAG.tiers).map { tier in
            let mine = calls.filter { $0.action.hasPrefix("t\(tier)s") }
            guard let first = mine.map(\.start).min(), let last = mine.map(\.end).max() else { return "" }
            return "t\(tier) \(ms(first))–\(ms(last))"
        }.joined(separator: ", ")
    }

    func perform(_ request: AdapterRequest) async throws(AdapterError) -> AdapterConfirmation {
        let count = calls.withLock { calls in
            calls[request.idempotencyKey, default: 0] += 1
            return calls[request.idempotencyKey]!
        }
        let asleep = ContinuousClock.now
        try? await Task.sleep(for: OnboardingDAG.stepLatency)
        if Self.verbose {
            let end = ContinuousClock.now
            oversleep.withLock { $0.append(end - asleep - OnboardingDAG.stepLatency) }
            timeline.withLock { $0.append((request.action, asleep, end)) }
        }
        if request.action == "t2s1" && count <= 2 {
            throw AdapterError(.retryable, "scripted failure \(count) of t2s1")
        }
        return AdapterConfirmation(confirmationID: request.idempotencyKey)
    }
}
