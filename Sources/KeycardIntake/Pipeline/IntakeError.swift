import KeycardStore

/// An intake operation that cannot go ahead, said so a person can fix it.
public enum IntakeError: Error, Sendable, CustomStringConvertible {
    case deadLetterNotFound(Int64)
    case deadLetterResolved(Int64, DeadLetter.Status)
    case unknownSource(String)

    public var description: String {
        switch self {
        case .deadLetterNotFound(let id):
            return "no dead letter with id \(id) (see `keycard events list --dead`)"
        case .deadLetterResolved(let id, let status):
            return "dead letter \(id) is already \(status.rawValue); only open ones can be replayed or discarded"
        case .unknownSource(let name):
            return "unknown source '\(name)'; known sources: "
                + IntakeSource.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }
}
