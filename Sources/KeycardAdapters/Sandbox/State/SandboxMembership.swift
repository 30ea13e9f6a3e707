import GRDB

/// A user's place in a group, channel, teamspace or permission set of a simulated system.
public struct SandboxMembership: Sendable, Hashable {
    public var system: String
    /// `group`, `channel`, `teamspace`, `permission_set`.
    public var kind: String
    public var container: String
    public var employeeID: String
    /// Other parameters of the membership (`role`, ...).
    public var attributes: [String: String]

    init(row: Row) {
        system = row["system"]
        kind = row["kind"]
        container = row["container"]
        employeeID = row["user_key"]
        attributes = SandboxJSON.decodeParameters(row["attributes"])
    }
}
