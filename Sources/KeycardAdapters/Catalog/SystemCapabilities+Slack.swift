import KeycardCore

extension SystemCapabilities {
    /// Slack workspace membership and channels, federated through Okta.
    public static let slack = SystemCapabilities(
        system: "slack", displayName: "Slack",
        actions: [
            ActionCapability(
                name: "invite_user", kind: .account, compensation: "deactivate_user", requires: ["okta:create_user"]),
            ActionCapability(
                name: "add_to_channel", kind: .membership, requiredParameters: ["channel"],
                compensation: "remove_from_channel", requires: ["invite_user"]),
            ActionCapability(
                name: "remove_from_channel", kind: .revocation, requiredParameters: ["channel"],
                compensation: "add_to_channel"),
            ActionCapability(name: "deactivate_user", kind: .deprovision, compensation: "reactivate_user"),
            ActionCapability(name: "reactivate_user", kind: .account, compensation: "deactivate_user"),
        ])
}
