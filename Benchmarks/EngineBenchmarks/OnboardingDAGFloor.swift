import Benchmark
import KeycardCore

/// The runtime's floor for the onboarding DAG: the same adapter calls, tier after tier in plain task groups, with the
/// same retries and 100 ms backoff, and no engine (no store, no planning, no gates). What the engine adds is the
/// difference to the "1 run" case; what this takes over 600 ms is the runtime's own timer and wake-up latency.
func registerOnboardingDAGFloorBenchmark() {
    Benchmark("onboarding DAG floor, 1 run in plain task groups (no engine, no store)") { benchmark in
        let adapter = DAGAdapter()
        let employee = OnboardingDAG.employee
        let retry = OnboardingDAG.configuration.retry
        benchmark.startMeasurement()
        for tier in 0..<OnboardingDAG.tiers {
            await withTaskGroup(of: Void.self) { group in
                for step in 0..<OnboardingDAG.width {
                    let action = OnboardingDAG.action(tier: tier, step: step)
                    group.addTask {
                        let request = AdapterRequest(
                            system: "dag", action: action, employee: employee, parameters: [:], idempotencyKey: action)
                        for attempt in 1...retry.maxAttempts {
                            do {
                                _ = try await adapter.perform(request)
                                return
                            } catch {
                                try? await Task.sleep(for: .seconds(retry.delay(afterAttempt: attempt, unit: 0)))
                            }
                        }
                    }
                }
            }
        }
        benchmark.stopMeasurement()
        precondition(adapter.executions == 26, "expected 26 calls, saw \(adapter.executions)")
    }
}
