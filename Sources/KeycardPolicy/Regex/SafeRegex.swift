/// A regular expression matched in linear time (Thompson NFA simulation, no backtracking).
///
/// Supported subset (RE2-like, unanchored search as CEL's `matches`): literals, `.`, classes
/// `[a-z]`, `[^...]`, escapes `\d \D \w \W \s \S` and escaped punctuation, anchors `^` `$`,
/// groups `(...)` and `(?:...)`, alternation `|`, quantifiers `* + ?` and `{n}`, `{n,}`, `{n,m}`
/// (bounded). Backreferences and lookaround are rejected. Matching costs O(text × pattern).
public struct SafeRegex: Sendable, Hashable {
    public let pattern: String
    let program: [RegexInstruction]

    /// Most NFA instructions one pattern may compile to (bounds `{n,m}` expansion).
    public static let maxInstructions = 2000

    public init(_ pattern: String, maxLength: Int = ExpressionLimits.standard.maxPatternLength) throws(RegexError) {
        let scalars = Array(pattern.unicodeScalars)
        if scalars.count > maxLength {
            throw RegexError(message: "pattern is longer than \(maxLength) characters", offset: 0)
        }
        var parser = RegexParser(scalars)
        let tree = try parser.parse()
        var compiler = RegexCompiler()
        try compiler.emit(tree)
        compiler.program.append(.match)
        if compiler.program.count > SafeRegex.maxInstructions {
            throw RegexError(message: "pattern expands to more than \(SafeRegex.maxInstructions) states", offset: 0)
        }
        self.pattern = pattern
        self.program = compiler.program
    }

    /// True when the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        let input = Array(text.unicodeScalars)
        var current: [Int] = []
        var next: [Int] = []
        var seen = [Int](repeating: -1, count: program.count)
        var generation = 0
        current.reserveCapacity(program.count)
        next.reserveCapacity(program.count)
        for position in 0...input.count {
            if addThread(0, position: position, input: input, list: &current, seen: &seen, generation: generation) {
                return true
            }
            generation += 1
            guard position < input.count else { break }
            let scalar = input[position]
            for pc in current {
                if case .scalar(let matcher) = program[pc], matcher.matches(scalar),
                   addThread(pc + 1, position: position + 1, input: input, list: &next, seen: &seen, generation: generation) {
                    return true
                }
            }
            swap(&current, &next)
            next.removeAll(keepingCapacity: true)
        }
        return false
    }

    /// Follows empty transitions from `start` with an explicit stack; returns true on reaching `match`.
    private func addThread(
        _ start: Int, position: Int, input: [Unicode.Scalar], list: inout [Int], seen: inout [Int], generation: Int
    ) -> Bool {
        var stack = [start]
        while let pc = stack.popLast() {
            if seen[pc] == generation { continue }
            seen[pc] = generation
            switch program[pc] {
            case .match: return true
            case .scalar: list.append(pc)
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .lineStart: if position == 0 { stack.append(pc + 1) }
            case .lineEnd: if position == input.count { stack.append(pc + 1) }
            }
        }
        return false
    }

    public static func == (lhs: SafeRegex, rhs: SafeRegex) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}

/// A pattern outside the supported subset or too large.
public struct RegexError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// Offset in the pattern, in Unicode scalars.
    public var offset: Int
    public var description: String { "\(message) (pattern position \(offset + 1))" }
}

/// One NFA instruction.
enum RegexInstruction: Sendable {
    case scalar(ScalarMatcher)
    case split(Int, Int)
    case jump(Int)
    case lineStart
    case lineEnd
    case match
}

/// What one input scalar must be.
enum ScalarMatcher: Sendable, Hashable {
    case any
    case exactly(Unicode.Scalar)
    case set(ranges: [ClosedRange<UInt32>], negated: Bool)

    func matches(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .any: return scalar != "\n"
        case .exactly(let expected): return scalar == expected
        case .set(let ranges, let negated):
            let value = scalar.value
            return ranges.contains { $0.contains(value) } != negated
        }
    }
}
