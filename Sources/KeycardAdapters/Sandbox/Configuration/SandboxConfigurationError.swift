/// A sandbox configuration a person must fix: the field (`sandbox.faults[1].system`) and why.
public struct SandboxConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String {
        "invalid sandbox configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
