import KeycardCore

extension SystemCapabilities {
    /// Outgoing email from a template (welcome, manager heads-up); a sent message cannot be undone.
    public static let email = SystemCapabilities(
        system: "email", displayName: "Email",
        actions: [
            ActionCapability(
                name: "send", kind: .notification, requiredParameters: ["template"], requires: ["okta:create_user"]),
        ])
}
