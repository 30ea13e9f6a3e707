import Foundation

/// HiBob: `Bob-Signature` = base64 HMAC-SHA512(secret, raw body); no timestamp.
public struct HiBobSignatureVerifier: SignatureVerifier {
    static let signatureHeader = "Bob-Signature"
    let secret: String

    public init(secret: String) {
        self.secret = secret
    }

    static func signature(secret: String, body: Data) -> [UInt8] {
        HMACDigest.sha512(secret: secret, message: body)
    }

    public func verify(headers: [String: String], body: Data, now: Date) -> SignatureCheck {
        guard let signature = headers.caseInsensitiveHeader(Self.signatureHeader) else { return .invalid("\(Self.signatureHeader) is missing") }
        return HMACDigest.check(
            received: SignatureEncoding.bytes(fromBase64: signature.trimmingCharacters(in: .whitespaces)),
            expected: Self.signature(secret: secret, body: body),
            header: Self.signatureHeader, format: "base64 of HMAC-SHA512")
    }
}
