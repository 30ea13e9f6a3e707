/// One problem with an input: the path of the field (`data.start_date`) and why it is wrong.
public struct FieldError: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// An input rejected for one or more field errors, all reported at once.
public struct ValidationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "; ") }
}
