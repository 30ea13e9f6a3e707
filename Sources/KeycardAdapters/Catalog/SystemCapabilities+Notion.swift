import KeycardCore

extension SystemCapabilities {
    /// Notion workspace members and teamspaces, federated through Okta.
    public static let notion = SystemCapabilities(
        system: "notion", displayName: "Notion",
        actions: [
            ActionCapability(
                name: "add_member", kind: .account, compensation: "remove_member", requires: ["okta:create_user"]),
            ActionCapability(
                name: "add_to_teamspace", kind: .membership, requiredParameters: ["teamspace"],
                compensation: "remove_from_teamspace", requires: ["add_member"]),
            ActionCapability(
                name: "remove_from_teamspace", kind: .revocation, requiredParameters: ["teamspace"],
                compensation: "add_to_teamspace"),
            ActionCapability(name: "remove_member", kind: .deprovision, compensation: "add_member"),
        ])
}
