import Crypto
import Foundation

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
}
