import KeycardCore

extension SystemCapabilities {
    /// GitLab group memberships with a role; the account itself comes from Okta single sign-on.
    public static let gitlab = SystemCapabilities(
        system: "gitlab", displayName: "GitLab",
        actions: [
            ActionCapability(
                name: "add_to_group", kind: .membership, requiredParameters: ["group", "role"],
                compensation: "remove_from_group", requires: ["okta:create_user"]),
            ActionCapability(
                name: "remove_from_group", kind: .revocation, requiredParameters: ["group"]),
            ActionCapability(name: "block_user", kind: .deprovision, compensation: "unblock_user"),
            ActionCapability(name: "unblock_user", kind: .account, compensation: "block_user"),
        ])
}
