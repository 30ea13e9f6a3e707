import KeycardCore
import Testing

/// The one hex codec: what it writes, what it reads back, and what it refuses.
@Suite("Hex")
struct HexTests {
    @Test("writes lowercase hex from contiguous and non-contiguous bytes alike")
    func writes() {
        let bytes: [UInt8] = [0x00, 0x0f, 0x10, 0x9a, 0xff]
        #expect(Hex.string(bytes) == "000f109aff")
        #expect(Hex.string(bytes[1...3]) == "0f109a")
        #expect(Hex.string(bytes.lazy.map { $0 }.filter { _ in true }) == "000f109aff")
        #expect(Hex.string([UInt8]()) == "")
    }

    @Test("reads back every byte value; upper case unless lowercase only; refuses odd lengths and other characters")
    func reads() {
        let all = (0...255).map { UInt8($0) }
        #expect(Hex.bytes(Hex.string(all), lowercaseOnly: true) == all)
        #expect(Hex.bytes("0A") == [0x0a])
        #expect(Hex.bytes("0A", lowercaseOnly: true) == nil)
        #expect(Hex.bytes("abc") == nil)
        #expect(Hex.bytes("zz") == nil)
    }
}
