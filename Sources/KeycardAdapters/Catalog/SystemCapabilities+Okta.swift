import KeycardCore

extension SystemCapabilities {
    /// Okta: the identity provider every federated application hangs off.
    public static let okta = SystemCapabilities(
        system: "okta", displayName: "Okta",
        actions: [
            ActionCapability(name: "create_user", kind: .identity, compensation: "deactivate_user"),
            ActionCapability(
                name: "add_to_group", kind: .membership, requiredParameters: ["group"],
                compensation: "remove_from_group", requires: ["create_user"]),
            ActionCapability(
                name: "remove_from_group", kind: .revocation, requiredParameters: ["group"],
                compensation: "add_to_group"),
            ActionCapability(name: "suspend_user", kind: .deprovision, compensation: "unsuspend_user"),
            ActionCapability(name: "unsuspend_user", kind: .identity, compensation: "suspend_user"),
            ActionCapability(name: "deactivate_user", kind: .deprovision, compensation: "reactivate_user"),
            ActionCapability(name: "reactivate_user", kind: .identity, compensation: "deactivate_user"),
        ])
}
