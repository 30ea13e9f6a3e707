import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Logging
import KeycardCore
import KeycardIntake
import KeycardStore
import KeycardTestSupport

/// A real webhook server on 127.0.0.1 (free port) over a fresh database, for one test.
final class WebhookTestServer: Sendable {
    let test: TestDatabase
    let port: Int
    let clock: ManualClock
    private let task: Task<Void, any Error>

    static let quietLogger: Logger = {
        var logger = Logger(label: "keycard.webhooks.test")
        logger.logLevel = .critical
        return logger
    }()

    static let secret = "test-secret-\(UUID().uuidString.prefix(6))"

    static func start(
        secrets: WebhookSecrets = WebhookSecrets(Dictionary(uniqueKeysWithValues: IntakeSource.allCases.map { ($0, secret) })),
        maxBodyBytes: Int = 1 << 20,
        now: Date = Date()
    ) async throws -> WebhookTestServer {
        let test = try TestDatabase()
        let clock = ManualClock(now)
        let server = WebhookServer(
            configuration: .init(host: "127.0.0.1", port: 0, secrets: secrets, maxBodyBytes: maxBodyBytes),
            pipeline: IntakePipeline(database: test.database, clock: clock),
            logger: Self.quietLogger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = server.application { port in continuation.yield(port) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return WebhookTestServer(test: test, port: port, clock: clock, task: task)
    }

    private init(test: TestDatabase, port: Int, clock: ManualClock, task: Task<Void, any Error>) {
        self.test = test
        self.port = port
        self.clock = clock
        self.task = task
    }

    var database: KeycardDatabase { test.database }

    func post(_ path: String, body: Data, headers: [String: String]) async throws -> (status: Int, json: [String: Any]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
    }

    /// Posts `body` signed as `source` would sign it at the server's current time.
    func postSigned(_ source: IntakeSource, body: Data, secret: String = WebhookTestServer.secret, at date: Date? = nil) async throws
        -> (status: Int, json: [String: Any])
    {
        let headers = WebhookSigner.headers(for: source, secret: secret, body: body, now: date ?? clock.now)
        return try await post("/webhooks/\(source.rawValue)", body: body, headers: headers)
    }

    func get(_ path: String) async throws -> Int {
        let (_, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
