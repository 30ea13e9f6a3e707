/// Hides secret values before they reach the audit trail: parameters whose name looks like a secret.
public enum AuditRedaction {
    public static let placeholder = "[REDACTED]"
    static let secretWords = ["password", "secret", "token", "key", "credential"]
    private static let secretWordBytes = secretWords.map { Array($0.utf8) }

    /// Whether a parameter name (`api_key`, `ClientSecret`, ...) names a secret.
    public static func isSecret(_ name: String) -> Bool {
        var name = name
        let ascii: Bool? = name.withUTF8 { bytes in
            if bytes.contains(where: { $0 >= 0x80 }) { return nil }
            return secretWordBytes.contains { word in containsIgnoringASCIICase(word, in: bytes) }
        }
        if let ascii { return ascii }
        let lowered = name.lowercased()
        return secretWords.contains { lowered.contains($0) }
    }

    /// The parameters with every secret's value replaced by the placeholder (the same dictionary when none is).
    public static func redact(_ parameters: [String: String]) -> [String: String] {
        guard parameters.keys.contains(where: isSecret) else { return parameters }
        return Dictionary(uniqueKeysWithValues: parameters.map { ($0.key, isSecret($0.key) ? placeholder : $0.value) })
    }

    private static func containsIgnoringASCIICase(_ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= word.count else { return false }
        for start in 0...(bytes.count - word.count) {
            var offset = 0
            while offset < word.count, bytes[start + offset] | 0x20 == word[offset] { offset += 1 }
            if offset == word.count { return true }
        }
        return false
    }
}
