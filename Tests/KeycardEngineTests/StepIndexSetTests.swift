@testable import KeycardEngine
import KeycardTestSupport
import Testing

/// The tracker's bit set of step indices behaves as a set of integers, in and beyond its first word.
@Suite("Step index sets")
struct StepIndexSetTests {
    @Test("insert, remove and contains agree with Set<Int>, across words; iteration is ascending")
    func agreesWithSet() {
        var bits = StepIndexSet()
        var reference = Set<Int>()
        var generator = SeededRandom(seed: 42)
        for _ in 0..<2_000 {
            let index = Int(generator.next() % 200)
            if generator.next() % 3 == 0 {
                #expect(bits.remove(index) == (reference.remove(index) != nil))
            } else {
                #expect(bits.insert(index) == reference.insert(index).inserted)
            }
        }
        #expect(Array(bits) == reference.sorted())
        #expect(bits.count == reference.count)
        #expect((0..<200).allSatisfy { bits.contains($0) == reference.contains($0) })
        #expect(!bits.contains(-1))
    }

    @Test("empty and equal however its words were used")
    func emptiness() {
        var bits: StepIndexSet = [3, 64, 130]
        #expect(!bits.isEmpty)
        bits.remove(130)
        #expect(bits == [3, 64])
        bits.remove(64)
        bits.remove(3)
        #expect(bits.isEmpty)
        #expect(bits == StepIndexSet())
        #expect(StepIndexSet([1, 2, 65]).filter { $0 > 1 } == [2, 65])
    }
}
