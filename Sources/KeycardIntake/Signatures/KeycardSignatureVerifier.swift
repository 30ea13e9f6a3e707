import Foundation

/// Keycard's own scheme for canonical events, Stripe-style:
/// `X-Keycard-Signature: t=UNIX,v1=hex(HMAC-SHA256(secret, "t.body"))`, 5 minutes tolerance; any `v1` may match.
public struct KeycardSignatureVerifier: SignatureVerifier {
    static let signatureHeader = "X-Keycard-Signature"
    let secret: String

    public init(secret: String) {
        self.secret = secret
    }

    static func signature(secret: String, body: Data, timestamp: String) -> [UInt8] {
        HMACDigest.sha256(secret: secret, message: Data((timestamp + ".").utf8) + body)
    }

    public func verify(headers: [String: String], body: Data, now: Date) -> SignatureCheck {
        guard let value = headers.caseInsensitiveHeader(Self.signatureHeader) else { return .invalid("\(Self.signatureHeader) is missing") }
        var timestamp: String?
        var signatures: [String] = []
        for part in value.split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = String(pair[1]) }
            if pair[0] == "v1" { signatures.append(String(pair[1])) }
        }
        guard let timestamp, !signatures.isEmpty else {
            return .invalid("\(Self.signatureHeader) is malformed: expected t=<unix seconds>,v1=<hex HMAC-SHA256>")
        }
        if let problem = TimestampTolerance.problem(header: Self.signatureHeader + " t", unixSeconds: timestamp, now: now) {
            return .invalid(problem)
        }
        let expected = Self.signature(secret: secret, body: body, timestamp: timestamp)
        var lastFailure = SignatureCheck.valid
        for signature in signatures {
            let check = HMACDigest.check(
                received: SignatureEncoding.bytes(fromHex: signature), expected: expected,
                header: Self.signatureHeader + " v1", format: "64 hex digits of HMAC-SHA256")
            if check == .valid { return .valid }
            lastFailure = check
        }
        return lastFailure
    }
}
