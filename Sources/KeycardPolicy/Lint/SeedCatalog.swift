import KeycardCore

/// The systems and actions the seed names, used by policy lint until the adapters declare their own catalog.
public enum SeedCatalog {
    public static let catalog = CapabilityCatalog([
        SystemCapabilities(system: "okta", displayName: "Okta", actions: [
            ActionCapability(name: "create_user", kind: .identity, compensation: "deactivate_user"),
            ActionCapability(name: "add_to_group", kind: .membership, requiredParameters: ["group"],
                             compensation: "remove_from_group", requires: ["create_user"]),
            ActionCapability(name: "assign_app", kind: .account, requiredParameters: ["app"],
                             compensation: "unassign_app", requires: ["create_user"]),
        ]),
        SystemCapabilities(system: "google", displayName: "Google Workspace", actions: [
            ActionCapability(name: "create_account", kind: .account, compensation: "suspend_account",
                             requires: ["okta:create_user"]),
            ActionCapability(name: "add_to_group", kind: .membership, requiredParameters: ["group"],
                             compensation: "remove_from_group", requires: ["create_account"]),
        ]),
        SystemCapabilities(system: "slack", displayName: "Slack", actions: [
            ActionCapability(name: "invite_user", kind: .account, compensation: "deactivate_user",
                             requires: ["okta:create_user"]),
            ActionCapability(name: "add_to_channel", kind: .membership, requiredParameters: ["channel"],
                             compensation: "remove_from_channel", requires: ["invite_user"]),
        ]),
        SystemCapabilities(system: "gitlab", displayName: "GitLab", actions: [
            ActionCapability(name: "create_user", kind: .account, compensation: "block_user", requires: ["okta:create_user"]),
            ActionCapability(name: "add_to_group", kind: .membership, requiredParameters: ["group", "role"],
                             compensation: "remove_from_group", requires: ["okta:create_user"]),
        ]),
        SystemCapabilities(system: "salesforce", displayName: "Salesforce", actions: [
            ActionCapability(name: "create_user", kind: .account, requiredParameters: ["profile"],
                             compensation: "freeze_user", requires: ["okta:create_user"]),
            ActionCapability(name: "assign_permission_set", kind: .role, requiredParameters: ["permission_set"],
                             compensation: "remove_permission_set", requires: ["create_user"]),
        ]),
        SystemCapabilities(system: "aws", displayName: "AWS IAM Identity Center", actions: [
            ActionCapability(name: "assign_permission_set", kind: .role, requiredParameters: ["permission_set"],
                             compensation: "remove_permission_set", requires: ["okta:create_user"]),
        ]),
        SystemCapabilities(system: "notion", displayName: "Notion", actions: [
            ActionCapability(name: "add_to_workspace", kind: .account, requiredParameters: ["workspace"],
                             compensation: "remove_from_workspace", requires: ["okta:create_user"]),
        ]),
        SystemCapabilities(system: "jamf", displayName: "Jamf Pro", actions: [
            ActionCapability(name: "order_laptop", kind: .device, compensation: "cancel_order", idempotentByLookup: false),
            ActionCapability(name: "assign_device", kind: .device, compensation: "unassign_device",
                             requires: ["okta:create_user"]),
        ]),
        SystemCapabilities(system: "email", displayName: "Email", actions: [
            ActionCapability(name: "send_welcome", kind: .notification, requires: ["google:create_account"],
                             idempotentByLookup: false),
            ActionCapability(name: "notify_manager", kind: .notification, idempotentByLookup: false),
        ]),
        SystemCapabilities(system: "calendar", displayName: "Calendar", actions: [
            ActionCapability(name: "schedule_orientation", kind: .notification, compensation: "cancel_event",
                             requires: ["google:create_account"]),
        ]),
    ])
}
