/// One rule of access as code: who it applies to (`when`), and the grants it gives or the bundles it denies.
public struct Policy: Sendable {
    public var id: String
    public var description: String
    public var owner: String?
    /// `base`, `department`, `role` or another word; inferred from the condition when not written.
    public var category: String
    public var effect: PolicyEffect
    /// The condition text as written.
    public var condition: String
    public var expression: Expression
    public var grants: [PolicyGrant]
    /// For deny rules: the bundles whose grants are removed when the condition holds.
    public var deniedBundles: [String]
    /// Path of the policy file, relative to the policies directory.
    public var file: String
    public var line: Int
    /// `sha256:` + 12 hex digits of the file's content.
    public var version: String

    public init(
        id: String, description: String = "", owner: String? = nil, category: String? = nil,
        effect: PolicyEffect = .allow, condition: String, expression: Expression, grants: [PolicyGrant] = [],
        deniedBundles: [String] = [], file: String = "", line: Int = 0, version: String = ""
    ) {
        self.id = id
        self.description = description
        self.owner = owner
        self.effect = effect
        self.condition = condition
        self.expression = expression
        self.grants = grants
        self.deniedBundles = deniedBundles
        self.file = file
        self.line = line
        self.version = version
        self.category = category ?? Policy.inferCategory(expression)
    }

    /// `role` when the condition reads job_title, `department` when department or team, `base` when it is `true`.
    static func inferCategory(_ expression: Expression) -> String {
        let attributes = expression.attributes
        if attributes.contains("job_title") { return "role" }
        if attributes.contains("department") || attributes.contains("team") { return "department" }
        if attributes.isEmpty { return "base" }
        return "other"
    }

    /// `file:line`, for messages.
    public var location: String { "\(file):\(line)" }
}
