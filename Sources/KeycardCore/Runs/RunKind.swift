/// The lifecycle moment a run provisions for.
public enum RunKind: String, Sendable, Hashable, Codable, CaseIterable {
    case joiner, mover, leaver
}
