/// Hex text of bytes: digests (audit hashes, plan keys) and MACs in vendors' signature headers.
public enum Hex {
    /// `bytes` in lowercase hex.
    // Inlinable: unspecialized across modules, the generic loop was most of an audit record's cost (each record
    // writes its hash as hex into the next record's hashed text).
    @inlinable
    public static func string(_ bytes: some Collection<UInt8>) -> String {
        bytes.withContiguousStorageIfAvailable(string(contiguous:))
            ?? Array(bytes).withUnsafeBufferPointer(string(contiguous:))
    }

    @inlinable
    static func string(contiguous bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: 2 * bytes.count) { hex in
            for offset in 0..<bytes.count {
                hex[2 * offset] = digit(bytes[offset] >> 4)
                hex[2 * offset + 1] = digit(bytes[offset] & 0x0F)
            }
            return 2 * bytes.count
        }
    }

    @inlinable
    static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// The bytes `text` spells in hex, upper or lower case (only lower case with `lowercaseOnly`, so that `string`
    /// gives `text` back); nil for odd lengths or other characters.
    public static func bytes(_ text: String, lowercaseOnly: Bool = false) -> [UInt8]? {
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where !lowercaseOnly: digit - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var text = text
        return text.withUTF8 { digits -> [UInt8]? in
            guard digits.count % 2 == 0 else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(digits.count / 2)
            for offset in stride(from: 0, to: digits.count, by: 2) {
                guard let high = value(digits[offset]), let low = value(digits[offset + 1]) else { return nil }
                bytes.append(high << 4 | low)
            }
            return bytes
        }
    }
}
