import Crypto
import Foundation

/// The HMACs the webhook schemes use, as plain bytes.
enum HMACDigest {
    static func sha256(secret: String, message: Data) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8))))
    }

    static func sha512(secret: String, message: Data) -> [UInt8] {
        Array(HMAC<SHA512>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8))))
    }

    /// Compares a MAC received in `header` with the expected one, naming the header in any failure.
    static func check(received: [UInt8]?, expected: [UInt8], header: String, format: String) -> SignatureCheck {
        guard let received, received.count == expected.count else {
            return .invalid("\(header) is malformed: expected \(format)")
        }
        return ConstantTime.equals(received, expected) ? .valid : .invalid("\(header) mismatch: the signature does not match the body")
    }
}
