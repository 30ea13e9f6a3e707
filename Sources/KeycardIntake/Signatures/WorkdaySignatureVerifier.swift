import Foundation

/// Workday: outbound notifications authenticate with HTTP Basic; the secret is `user:password`.
public struct WorkdaySignatureVerifier: SignatureVerifier {
    let credentials: String

    public init(credentials: String) {
        self.credentials = credentials
    }

    static func basicCredential(_ credentials: String) -> String {
        Data(credentials.utf8).base64EncodedString()
    }

    public func verify(headers: [String: String], body: Data, now: Date) -> SignatureCheck {
        AuthorizationCredential.check(headers: headers, scheme: "Basic", expected: Self.basicCredential(credentials))
    }
}
