import Synchronization

/// A seeded random source (SplitMix64), so a sandbox run with the same seed makes the same choices.
final class SandboxRandom: Sendable {
    private let state: Mutex<UInt64>

    init(seed: UInt64) {
        state = Mutex(seed)
    }

    /// Uniform in [0, 1).
    func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    func next() -> UInt64 {
        state.withLock { state in
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }
}
