/// A coding key for any name, so configuration decodes `latency_ms` whether or not the decoder converts snake case.
struct ConfigurationKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    /// `slackMessage` → `slack_message` (names already in snake case are unchanged).
    static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase, !result.isEmpty { result += "_" }
            result += character.lowercased()
        }
    }

    /// `latency_ms` → `latencyMs`, the name a decoder with `.convertFromSnakeCase` hands us.
    static func camelCase(_ snakeName: String) -> String {
        let parts = snakeName.split(separator: "_")
        guard let first = parts.first else { return snakeName }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

extension KeyedDecodingContainer where Key == ConfigurationKey {
    /// The value under `snakeName` (or its camel-case spelling), nil when absent.
    func value<T: Decodable>(_ type: T.Type, _ snakeName: String) throws -> T? {
        for name in [snakeName, ConfigurationKey.camelCase(snakeName)] where contains(ConfigurationKey(name)) {
            return try decodeIfPresent(type, forKey: ConfigurationKey(name))
        }
        return nil
    }

    /// Refuses keys outside `known`, so a typo like `latncy_ms` is an error instead of a silent default.
    func rejectUnknownKeys(_ known: [String]) throws {
        let accepted = Set(known + known.map(ConfigurationKey.camelCase))
        if let unknown = allKeys.first(where: { !accepted.contains($0.stringValue) }) {
            throw DecodingError.dataCorruptedError(
                forKey: unknown, in: self,
                debugDescription: "unknown key '\(unknown.stringValue)' (known: \(known.joined(separator: ", ")))")
        }
    }
}

extension KeyedEncodingContainer where Key == ConfigurationKey {
    mutating func encode<T: Encodable>(_ value: T?, _ snakeName: String) throws {
        try encodeIfPresent(value, forKey: ConfigurationKey(snakeName))
    }
}
