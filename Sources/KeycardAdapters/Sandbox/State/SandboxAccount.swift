import Foundation
import GRDB

/// A user account in a simulated system.
public struct SandboxAccount: Sendable, Hashable {
    public var system: String
    public var employeeID: String
    public var externalID: String
    public var login: String
    /// `active`, `suspended`, `deactivated`, `frozen`, `blocked`, `removed`.
    public var status: String
    /// Parameters the account was created with (`profile`, ...).
    public var attributes: [String: String]

    init(row: Row) {
        system = row["system"]
        employeeID = row["user_key"]
        externalID = row["external_id"]
        login = row["login"]
        status = row["status"]
        attributes = SandboxJSON.decodeParameters(row["attributes"])
    }
}
