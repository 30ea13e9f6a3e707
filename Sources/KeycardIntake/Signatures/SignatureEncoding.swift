import Foundation
import KeycardCore

/// Hex and base64 (standard and URL-safe) forms of MACs as vendors put them in headers.
enum SignatureEncoding {
    static func hex(_ bytes: some Collection<UInt8>) -> String {
        Hex.string(bytes)
    }

    /// Upper or lower case hex; nil for odd lengths or other characters.
    static func bytes(fromHex text: String) -> [UInt8]? {
        Hex.bytes(text)
    }

    static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
    }

    /// Standard or URL-safe alphabet, with or without `=` padding.
    static func bytes(fromBase64 text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !standard.isEmpty else { return nil }
        let remainder = standard.utf8.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 { standard += String(repeating: "=", count: 4 - remainder) }
        return Data(base64Encoded: standard).map(Array.init)
    }
}
