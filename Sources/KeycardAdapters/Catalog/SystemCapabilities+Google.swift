import KeycardCore

extension SystemCapabilities {
    /// Google Workspace: mailbox, Drive and group (mailing list) memberships.
    public static let google = SystemCapabilities(
        system: "google", displayName: "Google Workspace",
        actions: [
            ActionCapability(name: "create_account", kind: .identity, compensation: "suspend_account"),
            ActionCapability(
                name: "add_to_group", kind: .membership, requiredParameters: ["group"],
                compensation: "remove_from_group", requires: ["create_account"]),
            ActionCapability(
                name: "remove_from_group", kind: .revocation, requiredParameters: ["group"],
                compensation: "add_to_group"),
            ActionCapability(name: "suspend_account", kind: .deprovision, compensation: "unsuspend_account"),
            ActionCapability(name: "unsuspend_account", kind: .identity, compensation: "suspend_account"),
            // Drive files go to the `to` parameter, or to the manager when it is absent.
            ActionCapability(name: "transfer_ownership", kind: .deprovision),
            ActionCapability(name: "delete_account", kind: .deprovision, requires: ["transfer_ownership"]),
        ])
}
