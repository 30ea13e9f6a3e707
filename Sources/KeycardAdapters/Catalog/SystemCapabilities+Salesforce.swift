import KeycardCore

extension SystemCapabilities {
    /// Salesforce users with a profile, federated through Okta.
    public static let salesforce = SystemCapabilities(
        system: "salesforce", displayName: "Salesforce",
        actions: [
            ActionCapability(
                name: "create_user", kind: .account, requiredParameters: ["profile"],
                compensation: "deactivate_user", requires: ["okta:create_user"]),
            ActionCapability(name: "freeze_user", kind: .deprovision, compensation: "unfreeze_user"),
            ActionCapability(name: "unfreeze_user", kind: .account, compensation: "freeze_user"),
            ActionCapability(name: "deactivate_user", kind: .deprovision, compensation: "reactivate_user"),
            ActionCapability(name: "reactivate_user", kind: .account, compensation: "deactivate_user"),
        ])
}
