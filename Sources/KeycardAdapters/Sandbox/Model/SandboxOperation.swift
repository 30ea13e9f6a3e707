/// What a simulated action does to the sandbox's state, with "ensure" semantics.
enum SandboxOperation: Sendable {
    /// Creates the account, or reactivates it; already active with the same attributes is "already in state".
    case ensureAccount
    /// Moves the account to a status (`suspended`, `deactivated`, ...); a missing account is already gone.
    case setAccountStatus(String)
    /// Brings an account back to `active`; a missing account is a permanent error.
    case restoreAccount
    case deleteAccount
    /// Puts the user in the container named by parameter `parameter` (group, channel, permission set, ...).
    case ensureMembership(kind: String, parameter: String)
    case removeMembership(kind: String, parameter: String)
    case orderDevice
    case cancelOrder
    case assignDevice
    case unassignDevice
    case setDeviceStatus(String)
    /// Sends the message named by parameter `parameter` (a template, an event) once per employee.
    case sendMessage(parameter: String)
    case retractMessage(parameter: String)
    /// Hands the employee's files to the `to` parameter, or to their manager.
    case transferOwnership
}
