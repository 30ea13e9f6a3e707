import Foundation

/// Rippling: the form-encoded notification carries `Authorization: Bearer <token>`; the secret is the token.
public struct RipplingSignatureVerifier: SignatureVerifier {
    let token: String

    public init(token: String) {
        self.token = token
    }

    public func verify(headers: [String: String], body: Data, now: Date) -> SignatureCheck {
        AuthorizationCredential.check(headers: headers, scheme: "Bearer", expected: token)
    }
}
