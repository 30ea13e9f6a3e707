import GRDB

/// A laptop in the simulated device management: ordered, assigned, locked, wiped or cancelled.
public struct SandboxDevice: Sendable, Hashable {
    public var orderID: String
    public var employeeID: String
    public var serial: String?
    public var model: String
    public var status: String

    init(row: Row) {
        orderID = row["order_id"]
        employeeID = row["user_key"]
        serial = row["serial"]
        model = row["model"]
        status = row["status"]
    }
}
