/// The outcome of checking the audit chain: intact (with its size and head hash), or where and how it breaks.
public enum AuditVerification: Sendable, Hashable, CustomStringConvertible {
    case ok(count: Int, headHash: String)
    case broken(AuditBreak)

    public var isOK: Bool {
        if case .ok = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .ok(let count, let headHash):
            return count == 0 ? "audit trail is empty" : "audit trail intact: \(count) records, head \(headHash)"
        case .broken(let problem):
            return problem.description
        }
    }
}

/// The first place the chain breaks: the record's sequence number, what kind of tampering it looks like, and why.
public struct AuditBreak: Sendable, Hashable, CustomStringConvertible {
    /// What the break looks like.
    public enum Kind: String, Sendable, Hashable {
        case edited, inserted, deleted, reordered
    }

    public var sequence: Int64
    public var kind: Kind
    public var reason: String

    public init(sequence: Int64, kind: Kind, reason: String) {
        self.sequence = sequence
        self.kind = kind
        self.reason = reason
    }

    public var description: String { "audit trail broken at record \(sequence) (\(kind.rawValue)): \(reason)" }
}
