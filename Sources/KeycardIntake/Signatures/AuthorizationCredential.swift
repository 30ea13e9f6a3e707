import Foundation

/// Reads `Authorization: <scheme> <credential>` and compares the credential in constant time.
enum AuthorizationCredential {
    static let header = "Authorization"

    static func check(headers: [String: String], scheme: String, expected: String) -> SignatureCheck {
        guard let value = headers.caseInsensitiveHeader(header) else { return .invalid("\(header) is missing; expected \(scheme) credentials") }
        let parts = value.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == scheme.lowercased() else {
            return .invalid("\(header) is malformed: expected \"\(scheme) <credentials>\"")
        }
        let credential = parts[1].trimmingCharacters(in: .whitespaces)
        return ConstantTime.equalSecrets(credential, expected)
            ? .valid : .invalid("\(header) mismatch: the \(scheme) credentials are wrong")
    }
}
