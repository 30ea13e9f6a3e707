import Foundation
import HTTPTypes
import Hummingbird
import KeycardCore
import KeycardStore
import Logging
import NIOCore

/// The HTTP endpoint HR systems call: `POST /webhooks/{source}` and `GET /healthz`.
public struct WebhookServer: Sendable {
    /// Where to listen and what to accept.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var secrets: WebhookSecrets
        public var maxBodyBytes: Int

        public init(host: String = "127.0.0.1", port: Int = 8080, secrets: WebhookSecrets, maxBodyBytes: Int = 1 << 20) {
            self.host = host
            self.port = port
            self.secrets = secrets
            self.maxBodyBytes = maxBodyBytes
        }
    }

    public let configuration: Configuration
    public let pipeline: IntakePipeline
    private let logger: Logger

    public init(configuration: Configuration, pipeline: IntakePipeline, logger: Logger = Logger(label: "keycard.webhooks")) {
        self.configuration = configuration
        self.pipeline = pipeline
        self.logger = logger
    }

    /// The Hummingbird application; `runService()` on it serves until SIGINT/SIGTERM, finishing in-flight requests.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "keycard"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let handler = WebhookHandler(configuration: configuration, pipeline: pipeline, logger: logger)
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        router.post("/webhooks/:source") { request, context in
            try await handler.handle(request, context: context)
        }
        return router
    }
}
