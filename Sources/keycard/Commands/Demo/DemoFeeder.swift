import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KeycardIntake
import Logging

/// Posts the demo script's events to the demo's own webhook listener over real HTTP, signed as each HRIS signs.
struct DemoFeeder: Sendable {
    let port: Int
    let secret: String
    let speed: Double
    let logger: Logger
    /// Told each item's line as it is delivered, with the HTTP status.
    let announce: @Sendable (String, Int) -> Void

    func run(_ script: DemoScript) async {
        for item in script.items {
            try? await Task.sleep(for: .milliseconds(Int(item.after * 1000 / max(speed, 0.01))))
            if Task.isCancelled { return }
            let status = await post(item)
            announce(item.say, status)
        }
    }

    private func post(_ item: DemoScript.Item) async -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/webhooks/\(item.source.rawValue)")!)
        request.httpMethod = "POST"
        request.httpBody = item.body
        for (name, value) in WebhookSigner.headers(for: item.source, secret: secret, body: item.body, now: Date()) {
            request.setValue(value, forHTTPHeaderField: name)
        }
        do {
            let (_, response) = try await URLSession.shared.data(for: request)
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        } catch {
            logger.error("demo delivery failed", metadata: ["error": "\(error)"])
            return 0
        }
    }
}
