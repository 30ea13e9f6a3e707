/// How approval requests behave: how long they wait, what expiry does, and who is in the approver groups.
public struct ApprovalSettings: Sendable, Hashable, Codable {
    /// What happens when nobody answers in time.
    public enum ExpiryAction: String, Sendable, Hashable, Codable {
        case deny, escalate
    }

    /// Seconds a request waits for an answer.
    public var expiresAfter: Double
    public var onExpiry: ExpiryAction
    /// The group an expired request is handed to when `on_expiry: escalate`.
    public var escalationGroup: String?
    /// Members (emails) of each named approver group.
    public var groups: [String: [String]]

    public init(
        expiresAfter: Double = 72 * 3600, onExpiry: ExpiryAction = .deny, escalationGroup: String? = nil,
        groups: [String: [String]] = [:]
    ) {
        self.expiresAfter = expiresAfter
        self.onExpiry = onExpiry
        self.escalationGroup = escalationGroup
        self.groups = groups
    }

    enum CodingKeys: String, CodingKey {
        case expiresAfter = "expires_after", onExpiry = "on_expiry", escalationGroup = "escalation_group", groups
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ApprovalSettings()
        expiresAfter = try container.decodeIfPresent(Double.self, forKey: .expiresAfter) ?? defaults.expiresAfter
        onExpiry = try container.decodeIfPresent(ExpiryAction.self, forKey: .onExpiry) ?? defaults.onExpiry
        escalationGroup = try container.decodeIfPresent(String.self, forKey: .escalationGroup)
        groups = try container.decodeIfPresent([String: [String]].self, forKey: .groups) ?? [:]
    }
}
