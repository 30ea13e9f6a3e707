import KeycardCore

extension SystemCapabilities {
    /// Notion workspace members and teamspaces, federated through Okta.
    public static let notion = SystemCapabilities(
        system: "notion", displayName: "Notion",
        actions: [
            // `workspace` is optional: a Notion SCIM token belongs to one workspace, which is the default.
            ActionCapability(
                name: "add_to_workspace", kind: .account, compensation: "remove_from_workspace",
                requires: ["okta:create_user"]),
            ActionCapability(
                name: "add_to_teamspace", kind: .membership, requiredParameters: ["teamspace"],
                compensation: "remove_from_teamspace", requires: ["add_to_workspace"]),
            ActionCapability(
                name: "remove_from_teamspace", kind: .revocation, requiredParameters: ["teamspace"],
                compensation: "add_to_teamspace"),
            ActionCapability(name: "remove_from_workspace", kind: .deprovision, compensation: "add_to_workspace"),
        ])
}
