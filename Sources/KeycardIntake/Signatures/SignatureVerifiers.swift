import Foundation

/// The signature verifier of each intake source.
public enum SignatureVerifiers {
    /// `secret` is the HMAC key, the Rippling bearer token, or Workday's `user:password`; an empty one refuses all.
    public static func verifier(for source: IntakeSource, secret: String) -> any SignatureVerifier {
        guard !secret.isEmpty else { return MissingSecretVerifier(source: source) }
        switch source {
        case .canonical: return KeycardSignatureVerifier(secret: secret)
        case .bamboohr: return BambooHRSignatureVerifier(secret: secret)
        case .hibob: return HiBobSignatureVerifier(secret: secret)
        case .merge: return MergeSignatureVerifier(secret: secret)
        case .rippling: return RipplingSignatureVerifier(token: secret)
        case .workday: return WorkdaySignatureVerifier(credentials: secret)
        }
    }
}

/// Refuses every delivery of a source that has no secret configured, rather than accepting unsigned input.
struct MissingSecretVerifier: SignatureVerifier {
    let source: IntakeSource

    func verify(headers: [String: String], body: Data, now: Date) -> SignatureCheck {
        .invalid("no webhook secret is configured for source \(source.rawValue); every delivery is refused")
    }
}
