import KeycardCore

extension SystemCapabilities {
    /// Jamf Pro with the hardware order behind it: the laptop is ordered, then assigned and enrolled.
    public static let jamf = SystemCapabilities(
        system: "jamf", displayName: "Jamf Pro",
        actions: [
            // `model` is optional; the sandbox picks a default laptop.
            ActionCapability(
                name: "order_laptop", kind: .device, compensation: "cancel_order", requires: ["okta:create_user"]),
            ActionCapability(name: "cancel_order", kind: .revocation),
            ActionCapability(
                name: "assign_device", kind: .device, compensation: "unassign_device", requires: ["order_laptop"]),
            ActionCapability(name: "unassign_device", kind: .revocation, compensation: "assign_device"),
            ActionCapability(name: "lock_device", kind: .deprovision, compensation: "unlock_device"),
            ActionCapability(name: "unlock_device", kind: .device, compensation: "lock_device"),
            ActionCapability(name: "wipe_device", kind: .deprovision),
        ])
}
