/// How one system is simulated: the shape of its ids, where its users' accounts live, and what each action does.
struct SandboxSystemModel: Sendable {
    var system: String
    var accountID: IdentifierFormat
    var containerID: IdentifierFormat
    var effectID: IdentifierFormat
    /// The system whose account an action needs (its own, or Okta's for apps that trust Okta); nil when none is needed.
    var accountSystem: String?
    var operations: [String: SandboxOperation]

    static let all: [String: SandboxSystemModel] = Dictionary(
        uniqueKeysWithValues: [okta, google, slack, gitlab, salesforce, aws, notion, jamf, email, slackMessage, calendar]
            .map { ($0.system, $0) })

    static let okta = SandboxSystemModel(
        system: "okta", accountID: .okta("00u"), containerID: .okta("00g"), effectID: .okta("00g"),
        accountSystem: "okta",
        operations: [
            "create_user": .ensureAccount,
            "add_to_group": .ensureMembership(kind: "group", parameter: "group"),
            "remove_from_group": .removeMembership(kind: "group", parameter: "group"),
            "suspend_user": .setAccountStatus("suspended"), "unsuspend_user": .restoreAccount,
            "deactivate_user": .setAccountStatus("deactivated"), "reactivate_user": .restoreAccount,
        ])

    static let google = SandboxSystemModel(
        system: "google", accountID: .numeric(digits: 21), containerID: .prefixed("03", alphabet: IdentifierFormat.lowerHex, length: 13),
        effectID: .numeric(digits: 12), accountSystem: "google",
        operations: [
            "create_account": .ensureAccount,
            "add_to_group": .ensureMembership(kind: "group", parameter: "group"),
            "remove_from_group": .removeMembership(kind: "group", parameter: "group"),
            "suspend_account": .setAccountStatus("suspended"), "unsuspend_account": .restoreAccount,
            "transfer_ownership": .transferOwnership, "delete_account": .deleteAccount,
        ])

    static let slack = SandboxSystemModel(
        system: "slack", accountID: .slack("U0"), containerID: .slack("C0"), effectID: .slack("C0"),
        accountSystem: "slack",
        operations: [
            "invite_user": .ensureAccount,
            "add_to_channel": .ensureMembership(kind: "channel", parameter: "channel"),
            "remove_from_channel": .removeMembership(kind: "channel", parameter: "channel"),
            "deactivate_user": .setAccountStatus("deactivated"), "reactivate_user": .restoreAccount,
        ])

    static let gitlab = SandboxSystemModel(
        system: "gitlab", accountID: .numeric(digits: 7), containerID: .numeric(digits: 6), effectID: .numeric(digits: 8),
        accountSystem: "okta",
        operations: [
            "add_to_group": .ensureMembership(kind: "group", parameter: "group"),
            "remove_from_group": .removeMembership(kind: "group", parameter: "group"),
            "block_user": .setAccountStatus("blocked"), "unblock_user": .restoreAccount,
        ])

    static let salesforce = SandboxSystemModel(
        system: "salesforce", accountID: .prefixed("005", alphabet: IdentifierFormat.base62, length: 15),
        containerID: .prefixed("00e", alphabet: IdentifierFormat.base62, length: 15),
        effectID: .prefixed("0PS", alphabet: IdentifierFormat.base62, length: 15), accountSystem: "salesforce",
        operations: [
            "create_user": .ensureAccount,
            "freeze_user": .setAccountStatus("frozen"), "unfreeze_user": .restoreAccount,
            "deactivate_user": .setAccountStatus("deactivated"), "reactivate_user": .restoreAccount,
        ])

    static let aws = SandboxSystemModel(
        system: "aws", accountID: .uuid, containerID: .prefixed("ps-", alphabet: IdentifierFormat.lowerHex, length: 16),
        effectID: .uuid, accountSystem: "okta",
        operations: [
            "assign_permission_set": .ensureMembership(kind: "permission_set", parameter: "permission_set"),
            "remove_permission_set": .removeMembership(kind: "permission_set", parameter: "permission_set"),
        ])

    static let notion = SandboxSystemModel(
        system: "notion", accountID: .uuid, containerID: .uuid, effectID: .uuid, accountSystem: "notion",
        operations: [
            "add_to_workspace": .ensureAccount, "remove_from_workspace": .setAccountStatus("removed"),
            "add_to_teamspace": .ensureMembership(kind: "teamspace", parameter: "teamspace"),
            "remove_from_teamspace": .removeMembership(kind: "teamspace", parameter: "teamspace"),
        ])

    static let jamf = SandboxSystemModel(
        system: "jamf", accountID: .numeric(digits: 4), containerID: .prefixed("PO-", alphabet: "0123456789", length: 8),
        effectID: .prefixed("C02", alphabet: IdentifierFormat.upperAlphanumeric, length: 9), accountSystem: nil,
        operations: [
            "order_laptop": .orderDevice, "cancel_order": .cancelOrder,
            "assign_device": .assignDevice, "unassign_device": .unassignDevice,
            "lock_device": .setDeviceStatus("locked"), "unlock_device": .setDeviceStatus("assigned"),
            "wipe_device": .setDeviceStatus("wiped"),
        ])

    static let email = SandboxSystemModel(
        system: "email", accountID: .numeric(digits: 6), containerID: .numeric(digits: 6),
        effectID: .messageID(domain: "sandbox.keycard.local"), accountSystem: nil,
        operations: ["send": .sendMessage(parameter: "template")])

    static let slackMessage = SandboxSystemModel(
        system: "slack_message", accountID: .slack("U0"), containerID: .slack("C0"), effectID: .slackTimestamp,
        accountSystem: nil,
        operations: ["send": .sendMessage(parameter: "template"), "delete_message": .retractMessage(parameter: "template")])

    static let calendar = SandboxSystemModel(
        system: "calendar", accountID: .numeric(digits: 6), containerID: .numeric(digits: 6),
        effectID: .prefixed("", alphabet: "abcdefghijklmnopqrstuv0123456789", length: 26), accountSystem: "google",
        operations: ["invite": .sendMessage(parameter: "event"), "cancel_invite": .retractMessage(parameter: "event")])
}
