/// Hides secret values before they reach the audit trail: parameters whose name looks like a secret.
public enum AuditRedaction {
    public static let placeholder = "[REDACTED]"
    static let secretWords = ["password", "secret", "token", "key", "credential"]

    /// Whether a parameter name (`api_key`, `ClientSecret`, ...) names a secret.
    public static func isSecret(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return secretWords.contains { lowered.contains($0) }
    }

    public static func redact(_ parameters: [String: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: parameters.map { ($0.key, isSecret($0.key) ? placeholder : $0.value) })
    }
}
