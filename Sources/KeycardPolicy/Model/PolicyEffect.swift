/// Whether a policy gives grants (`allow`) or removes the grants of named bundles (`deny`).
public enum PolicyEffect: String, Sendable, Hashable, Codable {
    case allow, deny
}
