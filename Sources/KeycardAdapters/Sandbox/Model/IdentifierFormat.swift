/// The shape of ids a real system hands out (`00u…` in Okta, `U0…` in Slack, `005…` in Salesforce), made deterministically.
enum IdentifierFormat: Sendable {
    case prefixed(String, alphabet: String, length: Int)
    case numeric(digits: Int)
    case uuid
    case messageID(domain: String)
    case slackTimestamp

    static let base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    static let upperAlphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    static let lowerHex = "0123456789abcdef"

    static func okta(_ prefix: String) -> IdentifierFormat { .prefixed(prefix, alphabet: base62, length: 17) }
    static func slack(_ prefix: String) -> IdentifierFormat { .prefixed(prefix, alphabet: upperAlphanumeric, length: 9) }

    /// The id for `key`: the same key and seed always give the same id.
    func make(for key: String, seed: UInt64) -> String {
        var stream = HashStream(key: key, seed: seed)
        switch self {
        case .prefixed(let prefix, let alphabet, let length):
            return prefix + stream.characters(from: alphabet, count: length)
        case .numeric(let digits):
            return String(stream.characters(from: "123456789", count: 1) + stream.characters(from: "0123456789", count: digits - 1))
        case .uuid:
            let hex = stream.characters(from: Self.lowerHex, count: 32)
            let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
                String(hex.dropFirst(range.lowerBound).prefix(range.count))
            }
            return parts.joined(separator: "-")
        case .messageID(let domain):
            return "<" + stream.characters(from: Self.lowerHex, count: 24) + "@" + domain + ">"
        case .slackTimestamp:
            return "17" + stream.characters(from: "0123456789", count: 8) + "." + stream.characters(from: "0123456789", count: 6)
        }
    }
}

/// An endless stream of pseudo-random values derived from a key (FNV-1a, then SplitMix64 steps).
private struct HashStream {
    private var state: UInt64

    init(key: String, seed: UInt64) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func characters(from alphabet: String, count: Int) -> String {
        let characters = Array(alphabet)
        return String((0..<count).map { _ in characters[Int(next() % UInt64(characters.count))] })
    }
}
