import AsyncHTTPClient
import Benchmark
import Foundation
import Synchronization
import Hummingbird
import KeycardCore
import KeycardIntake
import KeycardStore
import NIOCore

/// Intake throughput: decode+validate of one canonical event, and signed webhook deliveries accepted
/// durably (synchronous=FULL, group commit) over loopback HTTP with many concurrent clients.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], warmupIterations: 2,
        maxDuration: .seconds(10), maxIterations: 10_000)

    let sample = IntakeWorkload.hireBody(index: 0)
    Benchmark("Decode+validate one canonical hire", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(IntakePipeline.decode(source: .canonical, body: sample, headers: [:]))
        }
    }

    Benchmark(
        "Signed webhook deliveries, \(IntakeWorkload.concurrency) concurrent, durable 202 (per 2,000)",
        configuration: .init(metrics: [.wallClock, .throughput, .custom("p99 latency (µs)", polarity: .prefersSmaller)],
                             warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 8)
    ) { benchmark in
        let run = try await IntakeWorkload.shared()
        benchmark.startMeasurement()
        let latencies = try await run.send(count: 2_000)
        benchmark.stopMeasurement()
        let sorted = latencies.sorted()
        benchmark.measurement(.custom("p99 latency (µs)"), sorted[Int(Double(sorted.count - 1) * 0.99)])
    }
}

/// A live webhook server over a fresh durable database, and an HTTP client hammering it.
final class IntakeWorkload: Sendable {
    static let concurrency = 64
    static let secret = "bench-secret"
    nonisolated(unsafe) private static var instance: IntakeWorkload?

    let port: Int
    let client: HTTPClient
    let counter = Counter()

    static func shared() async throws -> IntakeWorkload {
        if let instance { return instance }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keycard-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = try KeycardDatabase.open(path: directory.appendingPathComponent("bench.sqlite").path)
        let server = WebhookServer(
            configuration: .init(host: "127.0.0.1", port: 0, secrets: WebhookSecrets([.canonical: secret])),
            pipeline: IntakePipeline(database: database))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = server.application { port in continuation.yield(port) }
        Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)
        let workload = IntakeWorkload(port: port, client: HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration))
        instance = workload
        return workload
    }

    private init(port: Int, client: HTTPClient) {
        self.port = port
        self.client = client
    }

    static func hireBody(index: Int) -> Data {
        Data("""
            {"event_type":"employee.hired","event_id":"bench-\(index)","timestamp":"2024-01-15T09:00:00Z","data":{"employee_id":"B\(index)",\
            "email":"b\(index)@company.com","first_name":"Bench","last_name":"Mark","job_title":"Sales Engineer","department":"Sales",\
            "team":"Enterprise Sales","employment_type":"full_time","start_date":"2024-02-01","manager_email":"mike.johnson@company.com",\
            "location":"San Francisco, CA","work_arrangement":"hybrid"}}
            """.utf8)
    }

    /// Sends `count` distinct signed hires with `concurrency` in flight; returns each request's latency in µs.
    func send(count: Int) async throws -> [Int] {
        let first = counter.take(count)
        return try await withThrowingTaskGroup(of: [Int].self) { group in
            for lane in 0..<Self.concurrency {
                group.addTask {
                    var latencies: [Int] = []
                    var index = lane
                    while index < count {
                        let body = Self.hireBody(index: first + index)
                        var request = HTTPClientRequest(url: "http://127.0.0.1:\(self.port)/webhooks/canonical")
                        request.method = .POST
                        for (name, value) in WebhookSigner.headers(for: .canonical, secret: Self.secret, body: body, now: Date()) {
                            request.headers.add(name: name, value: value)
                        }
                        request.body = .bytes(ByteBuffer(bytes: body))
                        let start = ContinuousClock.now
                        let response = try await self.client.execute(request, timeout: .seconds(30))
                        _ = try await response.body.collect(upTo: 1 << 16)
                        guard response.status == .accepted else { throw BenchmarkFailure(status: response.status.code) }
                        latencies.append(Int((ContinuousClock.now - start) / .microseconds(1)))
                        index += Self.concurrency
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }
}

/// A delivery the server did not accept with 202.
struct BenchmarkFailure: Error {
    var status: UInt
}

/// Hands out fresh event numbers so every iteration sends new events, never duplicates.
final class Counter: Sendable {
    private let next = Mutex(0)

    func take(_ count: Int) -> Int {
        next.withLock { value in
            defer { value += count }
            return value
        }
    }
}
