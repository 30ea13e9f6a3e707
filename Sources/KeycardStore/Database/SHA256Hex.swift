import Crypto
import KeycardCore

/// SHA-256 in lowercase hex (`Hex`): the audit chain's record hashes and the keys of shared plan bodies.
enum SHA256Hex {
    static func digest(_ bytes: [UInt8]) -> String {
        Hex.string(digestBytes(bytes))
    }

    /// The 32 bytes of the SHA-256 of `bytes`.
    static func digestBytes(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize().withUnsafeBytes { Array($0) }
    }
}
