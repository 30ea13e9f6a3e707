import Foundation

/// Merge: `X-Merge-Webhook-Signature` = base64url HMAC-SHA256(secret, raw body); no timestamp.
public struct MergeSignatureVerifier: SignatureVerifier {
    static let signatureHeader = "X-Merge-Webhook-Signature"
    let secret: String

    public init(secret: String) {
        self.secret = secret
    }

    static func signature(secret: String, body: Data) -> [UInt8] {
        HMACDigest.sha256(secret: secret, message: body)
    }

    public func verify(headers: [String: String], body: Data, now: Date) -> SignatureCheck {
        guard let signature = headers.caseInsensitiveHeader(Self.signatureHeader) else { return .invalid("\(Self.signatureHeader) is missing") }
        return HMACDigest.check(
            received: SignatureEncoding.bytes(fromBase64: signature.trimmingCharacters(in: .whitespaces)),
            expected: Self.signature(secret: secret, body: body),
            header: Self.signatureHeader, format: "base64url of HMAC-SHA256")
    }
}
