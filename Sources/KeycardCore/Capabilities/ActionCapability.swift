/// What one action of a system does, what undoes it, what it needs first, and how safe it is to repeat.
public struct ActionCapability: Sendable, Hashable, Codable {
    /// The step's place in the lifecycle, which orders steps across systems.
    public enum Kind: String, Sendable, Hashable, Codable {
        case identity, account, membership, role, device, notification, revocation, deprovision
    }

    public var name: String
    public var kind: Kind
    /// Parameters the action needs (`group`, `role`, ...).
    public var requiredParameters: [String]
    /// The action that undoes this one in the same system, if any (`add_to_group` → `remove_from_group`).
    public var compensation: String?
    /// Actions (`system:action`, or `action` in the same system) that must have succeeded first.
    public var requires: [String]
    /// The adapter looks the target state up before acting, so repeating the call is safe.
    public var idempotentByLookup: Bool

    public init(
        name: String, kind: Kind, requiredParameters: [String] = [], compensation: String? = nil,
        requires: [String] = [], idempotentByLookup: Bool = true
    ) {
        self.name = name
        self.kind = kind
        self.requiredParameters = requiredParameters
        self.compensation = compensation
        self.requires = requires
        self.idempotentByLookup = idempotentByLookup
    }
}
