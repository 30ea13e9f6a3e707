import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Signs a canonical delivery independently of Keycard's own signer, so the test checks the scheme itself.
enum SigningForTests {
    static func canonicalHeaders(secret: String, body: Data, now: Date = Date()) -> [String: String] {
        let timestamp = String(Int(now.timeIntervalSince1970))
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        let hex = mac.map { String(format: "%02x", $0) }.joined()
        return ["Content-Type": "application/json", "X-Keycard-Signature": "t=\(timestamp),v1=\(hex)"]
    }

    /// Posts `body` as a signed canonical delivery to a `keycard serve` on 127.0.0.1; returns the HTTP status.
    static func postCanonical(_ body: Data, port: Int, secret: String) async throws -> Int? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/webhooks/canonical")!)
        request.httpMethod = "POST"
        request.httpBody = body
        for (name, value) in canonicalHeaders(secret: secret, body: body) {
            request.setValue(value, forHTTPHeaderField: name)
        }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode
    }
}
