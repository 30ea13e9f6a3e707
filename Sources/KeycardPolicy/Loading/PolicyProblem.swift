/// One problem found while loading policy files: file, line, column and what is wrong.
public struct PolicyProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var policyID: String?
    public var message: String

    public init(file: String, line: Int, column: Int = 1, policyID: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.policyID = policyID
        self.message = message
    }

    public var description: String {
        "\(file):\(line):\(column): " + (policyID.map { "policy \($0): " } ?? "") + message
    }
}

/// Policy files that could not be loaded; every problem of every file is listed, not only the first.
public struct PolicyLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [PolicyProblem]

    public init(_ problems: [PolicyProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
