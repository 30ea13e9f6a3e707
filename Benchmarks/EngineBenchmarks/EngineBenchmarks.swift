import Benchmark
import Foundation
import KeycardCore
import KeycardEngine
import KeycardStore

/// The engine on the onboarding-dag workload, with durable state (SQLite WAL, synchronous=FULL).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock], warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 7)

    for runs in [1, 200] {
        Benchmark("onboarding DAG, \(runs) run\(runs == 1 ? "" : "s") at once (24 steps, 6 tiers, FULL)") { benchmark in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keycard-engine-bench-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let database = try KeycardDatabase.open(path: directory.appendingPathComponent("keycard.sqlite").path)
            let adapter = DAGAdapter()
            let engine = Engine(
                database: database, catalog: CapabilityCatalog([OnboardingDAG.capabilities]), adapters: [adapter],
                configuration: OnboardingDAG.configuration, owner: "bench")
            await engine.start()
            let request = PlanRequest.joiner(OnboardingDAG.employee, grants: OnboardingDAG.grants)
            benchmark.startMeasurement()
            let began = ContinuousClock.now
            let ids = try await withThrowingTaskGroup(of: RunID.self) { group in
                for _ in 0..<runs { group.addTask { try await engine.submit(request, requestedBy: "bench") } }
                return try await group.reduce(into: [RunID]()) { $0.append($1) }
            }
            let submitted = ContinuousClock.now - began
            for id in ids {
                let state = try await engine.wait(for: id)
                precondition(state == .succeeded, "run \(id) ended \(state)")
            }
            benchmark.stopMeasurement()
            if DAGAdapter.verbose {
                let late = adapter.oversleep.withLock { $0.sorted() }
                print("submitted in \(submitted), commits: \(engine.commitCounters), calls' sleep overshoot p50",
                      late[late.count / 2], "p90", late[late.count * 9 / 10])
                if runs == 1 { print("tiers:", adapter.tierSummary(since: began), "until done:", ContinuousClock.now - began) }
            }
            precondition(adapter.executions == runs * 26, "expected \(runs * 26) step executions, saw \(adapter.executions)")
            await engine.stop()
        }
    }

    registerOnboardingDAGFloorBenchmark()
    registerBulkHiresBenchmark()
}
