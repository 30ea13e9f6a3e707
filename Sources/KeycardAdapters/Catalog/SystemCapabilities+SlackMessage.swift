import KeycardCore

extension SystemCapabilities {
    /// Slack messages from a template (a welcome post, a manager heads-up), sent by Keycard's bot.
    public static let slackMessage = SystemCapabilities(
        system: "slack_message", displayName: "Slack messages",
        actions: [
            ActionCapability(
                name: "send", kind: .notification, requiredParameters: ["template"],
                compensation: "delete_message", requires: ["okta:create_user"]),
            ActionCapability(name: "delete_message", kind: .revocation, requiredParameters: ["template"]),
        ])
}
