import Foundation
import Foundation
import GRDB
import KeycardCore

/// Laptop orders and devices: one open order per employee, assigned once it arrives, locked or wiped when they leave.
struct SandboxDeviceEffects {
    let effects: SandboxEffects

    static let defaultModel = "MacBook Pro 14-inch"

    private var system: String { effects.system }
    private var user: String { effects.user }
    private var now: Double { effects.now.timeIntervalSince1970 }

    func apply(_ operation: SandboxOperation, in db: Database) throws -> AdapterConfirmation {
        let device = try Row.fetchOne(
            db,
            sql: """
                SELECT * FROM devices WHERE system = ? AND user_key = ? AND status NOT IN ('cancelled', 'wiped')
                ORDER BY created_at DESC, order_id DESC LIMIT 1
                """,
            arguments: [system, user])
        switch operation {
        case .orderDevice: return try order(existing: device, db)
        case .cancelOrder: return try cancel(device, db)
        case .assignDevice: return try assign(device, db)
        case .unassignDevice: return try unassign(device, db)
        case .setDeviceStatus(let status): return try setStatus(status, device, db)
        default: throw AdapterError(.permanent, "\(system):\(effects.request.action) is not a device action")
        }
    }

    private func order(existing: Row?, _ db: Database) throws -> AdapterConfirmation {
        if let existing { return effects.unchanged(existing["order_id"], "laptop already ordered") }
        let previous = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM devices WHERE system = ? AND user_key = ?", arguments: [system, user]) ?? 0
        let orderID = effects.makeID(effects.model.containerID, "order", user, String(previous))
        let model = effects.request.parameters["model"] ?? Self.defaultModel
        try db.execute(
            sql: "INSERT INTO devices VALUES (?, ?, ?, NULL, ?, 'ordered', ?, ?)",
            arguments: [system, orderID, user, model, now, now])
        return try effects.changed(orderID, "ordered \(model)", in: db)
    }

    private func cancel(_ device: Row?, _ db: Database) throws -> AdapterConfirmation {
        guard let device, device["status"] as String == "ordered" else {
            return effects.unchanged(device?["order_id"] ?? "-", "no open laptop order to cancel")
        }
        let orderID: String = device["order_id"]
        try update(orderID, status: "cancelled", serial: nil, db)
        return try effects.changed(orderID, "order \(orderID) cancelled", in: db)
    }

    private func assign(_ device: Row?, _ db: Database) throws -> AdapterConfirmation {
        guard let device else {
            throw AdapterError(.permanent, "\(system):assign_device: employee \(user) has no laptop order")
        }
        let orderID: String = device["order_id"]
        if device["status"] as String != "ordered" {
            return effects.unchanged(device["serial"] ?? orderID, "device already assigned")
        }
        let serial = effects.makeID(effects.model.effectID, "serial", orderID)
        try update(orderID, status: "assigned", serial: serial, db)
        return try effects.changed(serial, "device \(serial) assigned and enrolled", in: db)
    }

    private func unassign(_ device: Row?, _ db: Database) throws -> AdapterConfirmation {
        guard let device, device["status"] as String == "assigned" else {
            return effects.unchanged("-", "no assigned device")
        }
        let orderID: String = device["order_id"]
        try update(orderID, status: "ordered", serial: nil, db)
        return try effects.changed(orderID, "device unassigned from \(user)", in: db)
    }

    private func setStatus(_ status: String, _ device: Row?, _ db: Database) throws -> AdapterConfirmation {
        guard let device else { return effects.unchanged("-", "no device for \(user)") }
        let current: String = device["status"]
        let orderID: String = device["order_id"]
        let serial: String? = device["serial"]
        let unlockingNothing = status == "assigned" && current != "locked"
        if current == status || unlockingNothing { return effects.unchanged(serial ?? orderID, "device already \(current)") }
        try update(orderID, status: status, serial: serial, db)
        return try effects.changed(serial ?? orderID, "device \(serial ?? orderID) \(status)", in: db)
    }

    private func update(_ orderID: String, status: String, serial: String?, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE devices SET status = ?, serial = ?, updated_at = ? WHERE system = ? AND order_id = ?",
            arguments: [status, serial, now, system, orderID])
    }
}
