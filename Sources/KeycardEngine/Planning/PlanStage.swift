import KeycardCore

/// The stages a plan moves through; a step's tier is never earlier than its stage.
enum PlanStage: Int, Sendable, Hashable, CaseIterable {
    case identity, accounts, memberships, roles, device, notifications
    case revokeAccess, transferOwnership, deprovisionAccounts, deprovisionIdentity

    init(adding kind: ActionCapability.Kind) {
        switch kind {
        case .identity: self = .identity
        case .account: self = .accounts
        case .membership: self = .memberships
        case .role: self = .roles
        case .device: self = .device
        case .notification: self = .notifications
        case .revocation: self = .revokeAccess
        case .deprovision: self = .deprovisionAccounts
        }
    }

    var name: String {
        switch self {
        case .identity: return "identity"
        case .accounts: return "accounts"
        case .memberships: return "memberships"
        case .roles: return "roles"
        case .device: return "device"
        case .notifications: return "notifications"
        case .revokeAccess: return "revoke access"
        case .transferOwnership: return "transfer ownership"
        case .deprovisionAccounts: return "deprovision accounts"
        case .deprovisionIdentity: return "deprovision identity"
        }
    }

    var isRevocation: Bool { rawValue >= PlanStage.revokeAccess.rawValue }
}
