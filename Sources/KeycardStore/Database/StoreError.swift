/// A store failure a person can act on.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case newerSchema(path: String, known: [String])
    case notFound(kind: String, id: String)
    case invalidState(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open database \(path): \(reason)"
        case .newerSchema(let path, let known):
            return "database \(path) was written by a newer Keycard (it has migrations this version does not know; "
                + "this version knows up to \(known.last ?? "none")). Upgrade keycard or use another --db."
        case .notFound(let kind, let id):
            return "no \(kind) with id \(id)"
        case .invalidState(let message):
            return message
        }
    }
}
