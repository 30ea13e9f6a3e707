import Foundation
import GRDB

/// An email, Slack message or calendar invitation a simulated system sent.
public struct SandboxMessage: Sendable, Hashable {
    public var system: String
    public var employeeID: String
    /// The template or event name.
    public var name: String
    public var recipient: String
    public var externalID: String
    /// `sent` or `retracted`.
    public var status: String
    public var sentAt: Date

    init(row: Row) {
        system = row["system"]
        employeeID = row["user_key"]
        name = row["name"]
        recipient = row["recipient"]
        externalID = row["external_id"]
        status = row["status"]
        sentAt = Date(timeIntervalSince1970: row["sent_at"])
    }
}
