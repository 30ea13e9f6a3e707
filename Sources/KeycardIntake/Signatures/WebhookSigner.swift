import Foundation

/// Signs a body the way each HRIS would, for tests, the demo and the benchmark (which post to our own server).
public enum WebhookSigner {
    /// The headers a genuine delivery of `body` at `now` would carry, `Content-Type` included.
    public static func headers(for source: IntakeSource, secret: String, body: Data, now: Date) -> [String: String] {
        let unixSeconds = String(Int64(now.timeIntervalSince1970.rounded(.down)))
        switch source {
        case .canonical:
            let signature = SignatureEncoding.hex(KeycardSignatureVerifier.signature(secret: secret, body: body, timestamp: unixSeconds))
            return ["Content-Type": "application/json", KeycardSignatureVerifier.signatureHeader: "t=\(unixSeconds),v1=\(signature)"]
        case .bamboohr:
            let signature = BambooHRSignatureVerifier.signature(secret: secret, body: body, timestamp: unixSeconds)
            return [
                "Content-Type": "application/json",
                BambooHRSignatureVerifier.timestampHeader: unixSeconds,
                BambooHRSignatureVerifier.signatureHeader: SignatureEncoding.hex(signature),
            ]
        case .hibob:
            let signature = Data(HiBobSignatureVerifier.signature(secret: secret, body: body)).base64EncodedString()
            return ["Content-Type": "application/json", HiBobSignatureVerifier.signatureHeader: signature]
        case .merge:
            let signature = SignatureEncoding.base64URL(MergeSignatureVerifier.signature(secret: secret, body: body))
            return ["Content-Type": "application/json", MergeSignatureVerifier.signatureHeader: signature]
        case .rippling:
            return ["Content-Type": "application/x-www-form-urlencoded", AuthorizationCredential.header: "Bearer \(secret)"]
        case .workday:
            return [
                "Content-Type": "text/xml; charset=utf-8",
                AuthorizationCredential.header: "Basic \(WorkdaySignatureVerifier.basicCredential(secret))",
            ]
        }
    }
}
