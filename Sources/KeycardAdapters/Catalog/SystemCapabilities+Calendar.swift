import KeycardCore

extension SystemCapabilities {
    /// Calendar invitations (orientation, first-day meetings) on the employee's work calendar.
    public static let calendar = SystemCapabilities(
        system: "calendar", displayName: "Calendar",
        actions: [
            ActionCapability(
                name: "invite", kind: .notification, requiredParameters: ["event"],
                compensation: "cancel_invite", requires: ["google:create_account"]),
            ActionCapability(name: "cancel_invite", kind: .revocation, requiredParameters: ["event"]),
        ])
}
