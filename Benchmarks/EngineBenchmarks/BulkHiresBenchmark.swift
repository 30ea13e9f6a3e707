import Benchmark
import Foundation
import KeycardAdapters
import KeycardCore
import KeycardEngine
import KeycardStore

/// 2,000 joiner runs against rate-limited sandbox systems: how close to the busiest system's limit the engine gets,
/// and what the engine costs per executed step: the process's CPU less what the sandbox alone spends on the same calls
/// (serially, without latency: its timers and contention under load stay counted), and the same bulk with adapters
/// that answer at once, where all the CPU is the engine's.
func registerBulkHiresBenchmark() {
    let ratio = BenchmarkMetric.custom("wall ÷ busiest-system bound (×1000)", polarity: .prefersSmaller, useScalingFactor: false)
    let processCPU = BenchmarkMetric.custom("process CPU per step (ns)", polarity: .prefersSmaller, useScalingFactor: false)
    let engineCPU = BenchmarkMetric.custom("engine CPU per step (ns)", polarity: .prefersSmaller, useScalingFactor: false)
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, ratio, processCPU, engineCPU], warmupIterations: 0, maxDuration: .seconds(60),
        maxIterations: 3)

    Benchmark("bulk: 2,000 hires, sandbox systems at vendor rate limits ×150 (FULL)", configuration: configuration) { benchmark in
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keycard-bulk-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try KeycardDatabase.open(path: directory.appendingPathComponent("keycard.sqlite").path)
        let systems = try SandboxSystems.makeSystems(configuration: BulkHires.sandbox(seed: 7))
        let adapters = systems.map(CountingAdapter.init)
        let engine = Engine(
            database: database, catalog: SystemCatalog.all, adapters: adapters, configuration: BulkHires.configuration,
            owner: "bench")
        await engine.start()
        let requests = (0..<BulkHires.hires).map { PlanRequest.joiner(BulkHires.employee($0), grants: BulkHires.grants($0)) }

        let cpuBefore = processCPUNanoseconds()
        let started = ContinuousClock.now
        benchmark.startMeasurement()
        try await BulkHires.submitAndWait(requests, engine: engine)
        benchmark.stopMeasurement()
        let wall = ContinuousClock.now - started
        let cpu = processCPUNanoseconds() - cpuBefore
        let commits = engine.commitCounters
        await engine.stop()

        let steps = adapters.reduce(0) { $0 + $1.calls }
        var callsPerSystem: [String: Int] = [:]
        for system in systems { callsPerSystem[system.system] = try system.store.callCount(system: system.system) }
        let planned = try requests.reduce(0) { $0 + (try engine.preview($1)).steps.count }
        precondition(callsPerSystem.values.reduce(0, +) == planned, "expected \(planned) successful calls, saw \(callsPerSystem)")
        let duplicates = try systems[0].store.duplicates()
        precondition(duplicates.isEmpty, "duplicated side effects: \(duplicates)")

        let bound = BulkHires.bound(callsPerSystem: callsPerSystem)
        let wallSeconds = wall.timeInterval
        let sandboxCPU = try await sandboxOnlyCPU(requests, engine: engine)
        benchmark.measurement(ratio, Int((wallSeconds / bound.seconds * 1000).rounded()))
        benchmark.measurement(processCPU, cpu / max(1, steps))
        benchmark.measurement(engineCPU, max(0, cpu - sandboxCPU) / max(1, steps))
        let refused = adapters.filter { $0.rateLimited > 0 }.map { "\($0.capabilities.system) \($0.rateLimited)" }
        print("bulk: \(steps) calls (\(planned) steps), busiest \(bound.system) bound \(bound.seconds) s, wall \(wallSeconds) s, "
            + "process CPU \(cpu / 1_000_000) ms, sandbox alone \(sandboxCPU / 1_000_000) ms, "
            + "429s: \(refused.isEmpty ? "none" : refused.joined(separator: ", ")), "
            + "\(commits.groups) change groups in \(commits.transactions) transactions, \(writerCPU(commits))")
    }

    let engineOnly = Benchmark.Configuration(
        metrics: [.wallClock, engineCPU], warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 3)
    Benchmark("bulk: 2,000 hires, engine alone (adapters answer at once, same limits, FULL)", configuration: engineOnly) {
        benchmark in
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keycard-bulk-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { removeUnlessKept(directory) }
        let database = try KeycardDatabase.open(path: directory.appendingPathComponent("keycard.sqlite").path)
        let systems = try SandboxSystems.makeSystems(configuration: SandboxConfiguration(database: nil, onCrash: .throw))
        let adapters = systems.map { InstantAdapter($0.capabilities) }
        let engine = Engine(
            database: database, catalog: SystemCatalog.all, adapters: adapters, configuration: BulkHires.configuration,
            owner: "bench")
        await engine.start()
        let requests = (0..<BulkHires.hires).map { PlanRequest.joiner(BulkHires.employee($0), grants: BulkHires.grants($0)) }

        let cpuBefore = processCPUNanoseconds()
        benchmark.startMeasurement()
        try await BulkHires.submitAndWait(requests, engine: engine)
        benchmark.stopMeasurement()
        let cpu = processCPUNanoseconds() - cpuBefore
        let commits = engine.commitCounters
        await engine.stop()
        let steps = adapters.reduce(0) { $0 + $1.calls }
        let planned = try requests.reduce(0) { $0 + (try engine.preview($1)).steps.count }
        precondition(steps == planned, "expected \(planned) calls, saw \(steps)")
        benchmark.measurement(engineCPU, cpu / max(1, steps))
        print("bulk, engine alone: \(steps) calls, process CPU \(cpu / 1_000_000) ms, "
            + "\(commits.groups) change groups in \(commits.transactions) transactions, \(writerCPU(commits)), "
            + "SQLite tuning \(SQLiteTuning.result == 0 ? "applied" : "not applied (\(SQLiteTuning.result))")")
    }
}

/// The writer thread's share of the CPU: committing, and settling the tickets (events, callbacks).
private func writerCPU(_ commits: CommitCounters) -> String {
    func milliseconds(_ duration: Duration) -> Int { Int(duration.timeInterval * 1000) }
    return "writer thread CPU: writing \(milliseconds(commits.writingCPU)) ms, settling \(milliseconds(commits.resolvingCPU)) ms"
}

/// The CPU the sandbox systems alone spend on the same calls (no engine, no latency, no limits), to subtract.
private func sandboxOnlyCPU(_ requests: [PlanRequest], engine: Engine) async throws -> Int {
    let systems = try SandboxSystems.makeSystems(configuration: SandboxConfiguration(database: nil, onCrash: .throw))
    let bySystem = Dictionary(uniqueKeysWithValues: systems.map { ($0.system, $0) })
    var calls: [AdapterRequest] = []
    for (number, request) in requests.enumerated() {
        let plan = try engine.preview(request)
        for tier in plan.tiers {
            for index in tier {
                let step = plan.steps[index]
                calls.append(AdapterRequest(
                    system: step.system, action: step.action, employee: plan.employee, parameters: step.parameters,
                    idempotencyKey: "bulk-\(number)/s\(index)"))
            }
        }
    }
    let before = processCPUNanoseconds()
    for call in calls { _ = try? await bySystem[call.system]?.perform(call) }
    return processCPUNanoseconds() - before
}

/// Deletes a benchmark's database directory, unless `KEYCARD_BENCH_KEEP_DB` is set (then prints where it is).
private func removeUnlessKept(_ directory: URL) {
    if ProcessInfo.processInfo.environment["KEYCARD_BENCH_KEEP_DB"] != nil {
        print("kept the database in \(directory.path)")
    } else {
        try? FileManager.default.removeItem(at: directory)
    }
}
