import Crypto

/// SHA-256 in lowercase hex: the audit chain's record hashes and the keys of shared plan bodies.
enum SHA256Hex {
    static func digest(_ bytes: [UInt8]) -> String {
        func digit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let digest = hasher.finalize()
        return digest.withUnsafeBytes { digest in
            String(unsafeUninitializedCapacity: 2 * digest.count) { hex in
                for (offset, byte) in digest.enumerated() {
                    hex[2 * offset] = digit(byte >> 4)
                    hex[2 * offset + 1] = digit(byte & 0x0F)
                }
                return 2 * digest.count
            }
        }
    }
}
