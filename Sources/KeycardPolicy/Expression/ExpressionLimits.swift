/// Size bounds every condition must respect, so hostile or broken policy text is rejected, never run.
public struct ExpressionLimits: Sendable, Hashable {
    /// Longest condition text, in Unicode scalars.
    public var maxExpressionLength: Int
    /// Deepest nesting of parentheses, lists, calls and unary operators.
    public var maxNestingDepth: Int
    /// Longest string literal, in Unicode scalars.
    public var maxLiteralLength: Int
    /// Most elements in one list literal.
    public var maxListLength: Int
    /// Longest `matches` pattern, in Unicode scalars.
    public var maxPatternLength: Int

    public init(
        maxExpressionLength: Int = 4096, maxNestingDepth: Int = 32, maxLiteralLength: Int = 1024,
        maxListLength: Int = 1000, maxPatternLength: Int = 256
    ) {
        self.maxExpressionLength = maxExpressionLength
        self.maxNestingDepth = maxNestingDepth
        self.maxLiteralLength = maxLiteralLength
        self.maxListLength = maxListLength
        self.maxPatternLength = maxPatternLength
    }

    public static let standard = ExpressionLimits()
}
