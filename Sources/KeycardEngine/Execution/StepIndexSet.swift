/// A set of a run's step indices as bits: what a tracker's queue and a pass of `advance` note per step, without
/// hashing an index or allocating a table (a run's first 64 steps fit in one word).
struct StepIndexSet: Sequence, Equatable, Sendable, ExpressibleByArrayLiteral {
    private var low: UInt64 = 0
    /// Words for indices 64 and up, allocated only for runs that long.
    private var high: [UInt64] = []

    init() {}

    init(arrayLiteral indices: Int...) {
        formUnion(indices)
    }

    init(_ indices: some Sequence<Int>) {
        formUnion(indices)
    }

    var isEmpty: Bool { low == 0 && high.allSatisfy { $0 == 0 } }

    var count: Int { high.reduce(low.nonzeroBitCount) { $0 + $1.nonzeroBitCount } }

    func contains(_ index: Int) -> Bool {
        guard index >= 0 else { return false }
        if index < 64 { return low & (1 << UInt64(index)) != 0 }
        let word = index / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(index % 64)) != 0
    }

    /// Adds `index` (not negative); true when it was not there.
    @discardableResult
    mutating func insert(_ index: Int) -> Bool {
        precondition(index >= 0, "a step index is not negative")
        if index < 64 {
            let bit: UInt64 = 1 << UInt64(index)
            defer { low |= bit }
            return low & bit == 0
        }
        let word = index / 64 - 1
        if word >= high.count { high.append(contentsOf: repeatElement(0, count: word - high.count + 1)) }
        let bit: UInt64 = 1 << UInt64(index % 64)
        defer { high[word] |= bit }
        return high[word] & bit == 0
    }

    /// Removes `index`; true when it was there.
    @discardableResult
    mutating func remove(_ index: Int) -> Bool {
        guard contains(index) else { return false }
        if index < 64 {
            low &= ~(1 << UInt64(index))
        } else {
            high[index / 64 - 1] &= ~(1 << UInt64(index % 64))
        }
        return true
    }

    mutating func formUnion(_ indices: some Sequence<Int>) {
        for index in indices { insert(index) }
    }

    func filter(_ isIncluded: (Int) throws -> Bool) rethrows -> StepIndexSet {
        var kept = StepIndexSet()
        for index in self where try isIncluded(index) { kept.insert(index) }
        return kept
    }

    static func == (lhs: StepIndexSet, rhs: StepIndexSet) -> Bool {
        lhs.low == rhs.low && lhs.significantHigh.elementsEqual(rhs.significantHigh)
    }

    /// `high` without its trailing empty words.
    private var significantHigh: ArraySlice<UInt64> {
        high[..<((high.lastIndex { $0 != 0 } ?? -1) + 1)]
    }

    /// The indices in ascending order.
    func makeIterator() -> Iterator {
        Iterator(set: self)
    }

    /// Walks the set's bits from the lowest.
    struct Iterator: IteratorProtocol {
        let set: StepIndexSet
        /// Which word (0: `low`, n: `high[n - 1]`) and the bits of it not yet returned.
        var word = 0
        var bits: UInt64

        init(set: StepIndexSet) {
            self.set = set
            bits = set.low
        }

        mutating func next() -> Int? {
            while bits == 0 {
                guard word < set.high.count else { return nil }
                word += 1
                bits = set.high[word - 1]
            }
            let bit = bits.trailingZeroBitCount
            bits &= bits - 1
            return word * 64 + bit
        }
    }
}
