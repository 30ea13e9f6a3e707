import Crypto
import Foundation

/// Comparisons of secrets whose running time does not depend on where the inputs differ.
enum ConstantTime {
    /// Equal bytes; the length is not secret (every MAC of a scheme has the same length).
    static func equals(_ left: some Collection<UInt8>, _ right: some Collection<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(left, right) { difference |= a ^ b }
        return difference == 0
    }

    /// Equal secrets of any length: both are hashed first, so not even the length leaks.
    static func equalSecrets(_ left: String, _ right: String) -> Bool {
        equals(Array(SHA256.hash(data: Data(left.utf8))), Array(SHA256.hash(data: Data(right.utf8))))
    }
}
