/// The id of a run (`run-…`): stable text, safe to print and to type on the command line.
public struct RunID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: RunID, rhs: RunID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The id of a step: its run's id and its position in the plan (`run-…/s3`).
public struct StepID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(run: RunID, index: Int) {
        var text = run.rawValue
        text.reserveCapacity(text.utf8.count + 6)
        text += "/s"
        text += String(index)
        rawValue = text
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The run this step belongs to (the text before the last `/`).
    public var runID: RunID {
        guard let slash = rawValue.lastIndex(of: "/") else { return RunID(rawValue) }
        return RunID(String(rawValue[..<slash]))
    }

    public var description: String { rawValue }
    public static func < (lhs: StepID, rhs: StepID) -> Bool { lhs.rawValue < rhs.rawValue }
}
