import Foundation

/// BambooHR: `X-BambooHR-Signature` = hex HMAC-SHA256(secret, body + `X-BambooHR-Timestamp`), 5 minutes tolerance.
public struct BambooHRSignatureVerifier: SignatureVerifier {
    static let signatureHeader = "X-BambooHR-Signature"
    static let timestampHeader = "X-BambooHR-Timestamp"
    let secret: String

    public init(secret: String) {
        self.secret = secret
    }

    static func signature(secret: String, body: Data, timestamp: String) -> [UInt8] {
        HMACDigest.sha256(secret: secret, message: body + Data(timestamp.utf8))
    }

    public func verify(headers: [String: String], body: Data, now: Date) -> SignatureCheck {
        guard let signature = headers.caseInsensitiveHeader(Self.signatureHeader) else { return .invalid("\(Self.signatureHeader) is missing") }
        guard let timestamp = headers.caseInsensitiveHeader(Self.timestampHeader) else { return .invalid("\(Self.timestampHeader) is missing") }
        if let problem = TimestampTolerance.problem(header: Self.timestampHeader, unixSeconds: timestamp, now: now) {
            return .invalid(problem)
        }
        return HMACDigest.check(
            received: SignatureEncoding.bytes(fromHex: signature.trimmingCharacters(in: .whitespaces)),
            expected: Self.signature(secret: secret, body: body, timestamp: timestamp),
            header: Self.signatureHeader, format: "64 hex digits of HMAC-SHA256")
    }
}
