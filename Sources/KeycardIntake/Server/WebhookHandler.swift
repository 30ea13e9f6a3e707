import Foundation
import HTTPTypes
import Hummingbird
import KeycardCore
import KeycardStore
import Logging
import NIOCore

/// Verifies, decodes and durably stores one webhook delivery, answering only after the commit.
struct WebhookHandler: Sendable {
    let configuration: WebhookServer.Configuration
    let pipeline: IntakePipeline
    let logger: Logger

    func handle(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let sourceName = context.parameters.get("source") ?? ""
        guard let source = IntakeSource(rawValue: sourceName) else {
            return json(.notFound, WebhookResponseBody(status: "error", message: IntakeError.unknownSource(sourceName).description))
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: configuration.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            return json(.contentTooLarge, WebhookResponseBody(
                status: "error", message: "body larger than \(configuration.maxBodyBytes) bytes"))
        }
        let body = Data(buffer.readableBytesView)
        let headers = Self.headerDictionary(request.headers)
        let now = pipeline.clock.now
        guard let secret = configuration.secrets.secret(for: source) else {
            let reason = "no secret configured for \(source.rawValue); set \(WebhookSecrets.defaultVariable(for: source))"
            try? pipeline.database.recordRejection(source: source.rawValue, reason: reason, at: now)
            return json(.unauthorized, WebhookResponseBody(status: "unauthorized", message: reason))
        }
        if case .invalid(let reason) = SignatureVerifiers.verifier(for: source, secret: secret)
            .verify(headers: headers, body: body, now: now) {
            logger.notice("webhook signature rejected", metadata: ["source": "\(source.rawValue)", "reason": "\(reason)"])
            try? pipeline.database.recordRejection(source: source.rawValue, reason: reason, at: now)
            return json(.unauthorized, WebhookResponseBody(status: "unauthorized", message: reason))
        }
        let outcomes = try await pipeline.ingestConcurrently(source: source, body: body, headers: Self.keptHeaders(headers))
        let response = WebhookResponseBody(outcomes: outcomes)
        switch response.status {
        case "rejected": return json(.badRequest, response)
        case "duplicate": return json(.ok, response)
        default: return json(.accepted, response)
        }
    }

    private func json(_ status: HTTPResponse.Status, _ body: WebhookResponseBody) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(body)) ?? Data(#"{"status":"error"}"#.utf8)
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func headerDictionary(_ fields: HTTPFields) -> [String: String] {
        var result: [String: String] = [:]
        for field in fields {
            let name = field.name.canonicalName
            result[name] = result[name].map { $0 + ", " + field.value } ?? field.value
        }
        return result
    }

    /// Headers worth keeping with the raw delivery for tracing; credentials are never stored.
    static func keptHeaders(_ headers: [String: String]) -> [String: String] {
        headers.filter { name, _ in
            let lower = name.lowercased()
            return lower != "authorization" && lower != "cookie"
        }
    }
}
