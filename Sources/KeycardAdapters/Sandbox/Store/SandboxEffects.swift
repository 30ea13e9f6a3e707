import Foundation
import GRDB
import KeycardCore

/// One request applied to the sandbox's state inside a write transaction: look up, then change only what differs.
struct SandboxEffects {
    let model: SandboxSystemModel
    let request: AdapterRequest
    let seed: UInt64
    let now: Date

    var system: String { model.system }
    var user: String { request.employee.id }

    /// The employee and the parameters, sorted: what a side effect changed.
    var target: String {
        ([user] + request.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
    }

    func apply(_ operation: SandboxOperation, in db: Database) throws -> AdapterConfirmation {
        switch operation {
        case .ensureAccount: return try ensureAccount(db)
        case .setAccountStatus(let status): return try setAccountStatus(status, db)
        case .restoreAccount: return try restoreAccount(db)
        case .deleteAccount: return try deleteAccount(db)
        case .ensureMembership(let kind, let parameter): return try ensureMembership(kind: kind, parameter: parameter, db)
        case .removeMembership(let kind, let parameter): return try removeMembership(kind: kind, parameter: parameter, db)
        case .orderDevice, .cancelOrder, .assignDevice, .unassignDevice, .setDeviceStatus:
            return try SandboxDeviceEffects(effects: self).apply(operation, in: db)
        case .sendMessage(let parameter): return try sendMessage(parameter: parameter, db)
        case .retractMessage(let parameter): return try retractMessage(parameter: parameter, db)
        case .transferOwnership: return try transferOwnership(db)
        }
    }

    // MARK: Ledger

    func changed(_ confirmationID: String, _ detail: String, in db: Database) throws -> AdapterConfirmation {
        try db.cachedStatement(
            sql: """
                INSERT INTO side_effects (system, action, target, employee_id, idempotency_key, confirmation_id, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [system, request.action, target, user, request.idempotencyKey, confirmationID, now.timeIntervalSince1970])
        return AdapterConfirmation(confirmationID: confirmationID, alreadyInState: false, detail: detail)
    }

    func unchanged(_ confirmationID: String, _ detail: String) -> AdapterConfirmation {
        AdapterConfirmation(confirmationID: confirmationID, alreadyInState: true, detail: detail)
    }

    func parameter(_ name: String) throws -> String {
        guard let value = request.parameters[name], !value.isEmpty else {
            throw AdapterError(.permanent, "\(system):\(request.action) needs parameter '\(name)'")
        }
        return value
    }

    func makeID(_ format: IdentifierFormat, _ parts: String...) -> String {
        format.make(for: ([system] + parts).joined(separator: "|"), seed: seed)
    }

    // MARK: Accounts

    private func accountRow(_ db: Database, system: String? = nil) throws -> Row? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM accounts WHERE system = ? AND user_key = ?"),
            arguments: [system ?? self.system, user])
    }

    private func ensureAccount(_ db: Database) throws -> AdapterConfirmation {
        let attributes = SandboxJSON.encodeParameters(request.parameters)
        guard let row = try accountRow(db) else {
            let id = makeID(model.accountID, "account", user)
            let login = request.employee.email ?? "\(user)@sandbox.keycard.local"
            try db.cachedStatement(sql: "INSERT INTO accounts VALUES (?, ?, ?, ?, 'active', ?, ?, ?)").execute(
                arguments: [system, user, id, login, attributes, now.timeIntervalSince1970, now.timeIntervalSince1970])
            return try changed(id, "created account \(id) for \(login)", in: db)
        }
        let id: String = row["external_id"]
        if row["status"] == "active", row["attributes"] == attributes {
            return unchanged(id, "account \(id) already active")
        }
        try db.cachedStatement(sql: "UPDATE accounts SET status = 'active', attributes = ?, updated_at = ? WHERE system = ? AND user_key = ?").execute(
            arguments: [attributes, now.timeIntervalSince1970, system, user])
        return try changed(id, "account \(id) set active (was \(row["status"] as String))", in: db)
    }

    private func setAccountStatus(_ status: String, _ db: Database) throws -> AdapterConfirmation {
        guard let row = try accountRow(db) else {
            return unchanged("-", "no \(system) account for \(user): nothing to \(request.action)")
        }
        let id: String = row["external_id"]
        if row["status"] == status { return unchanged(id, "account \(id) already \(status)") }
        try db.cachedStatement(sql: "UPDATE accounts SET status = ?, updated_at = ? WHERE system = ? AND user_key = ?").execute(
            arguments: [status, now.timeIntervalSince1970, system, user])
        return try changed(id, "account \(id) \(status)", in: db)
    }

    private func restoreAccount(_ db: Database) throws -> AdapterConfirmation {
        guard let row = try accountRow(db) else {
            throw AdapterError(.permanent, "\(system): no account for employee \(user) to \(request.action)")
        }
        let id: String = row["external_id"]
        if row["status"] == "active" { return unchanged(id, "account \(id) already active") }
        try db.cachedStatement(sql: "UPDATE accounts SET status = 'active', updated_at = ? WHERE system = ? AND user_key = ?").execute(
            arguments: [now.timeIntervalSince1970, system, user])
        return try changed(id, "account \(id) active again", in: db)
    }

    private func deleteAccount(_ db: Database) throws -> AdapterConfirmation {
        guard let row = try accountRow(db) else { return unchanged("-", "no \(system) account for \(user)") }
        let id: String = row["external_id"]
        try db.cachedStatement(sql: "DELETE FROM memberships WHERE system = ? AND user_key = ?").execute(arguments: [system, user])
        try db.cachedStatement(sql: "DELETE FROM accounts WHERE system = ? AND user_key = ?").execute(arguments: [system, user])
        return try changed(id, "account \(id) deleted", in: db)
    }

    /// The account a membership hangs on; apps that trust Okta create theirs on first use (single sign-on provisioning).
    private func memberAccountID(_ db: Database) throws -> String {
        let accountSystem = model.accountSystem ?? system
        guard let owner = try accountRow(db, system: accountSystem) else {
            throw AdapterError(
                .permanent, "\(system):\(request.action): employee \(user) has no \(accountSystem) account yet")
        }
        guard accountSystem != system else { return owner["external_id"] }
        if let local = try accountRow(db) { return local["external_id"] }
        let id = makeID(model.accountID, "account", user)
        try db.cachedStatement(sql: "INSERT INTO accounts VALUES (?, ?, ?, ?, 'active', '{}', ?, ?)").execute(
            arguments: [system, user, id, owner["login"] as String, now.timeIntervalSince1970, now.timeIntervalSince1970])
        return id
    }

    private func containerID(kind: String, name: String, _ db: Database) throws -> String {
        if let id = try String.fetchOne(
            db.cachedStatement(sql: "SELECT external_id FROM containers WHERE system = ? AND kind = ? AND name = ?"),
            arguments: [system, kind, name]) {
            return id
        }
        let id = makeID(model.containerID, kind, name)
        try db.cachedStatement(sql: "INSERT INTO containers VALUES (?, ?, ?, ?)").execute(arguments: [system, kind, name, id])
        return id
    }

    // MARK: Memberships

    private func ensureMembership(kind: String, parameter: String, _ db: Database) throws -> AdapterConfirmation {
        let name = try self.parameter(parameter)
        let accountID = try memberAccountID(db)
        let containerID = try containerID(kind: kind, name: name, db)
        let confirmation = "\(containerID)/\(accountID)"
        let attributes = SandboxJSON.encodeParameters(request.parameters.filter { $0.key != parameter })
        let existing = try String.fetchOne(
            db.cachedStatement(sql: "SELECT attributes FROM memberships WHERE system = ? AND kind = ? AND container = ? AND user_key = ?"),
            arguments: [system, kind, name, user])
        if existing == attributes { return unchanged(confirmation, "already in \(kind) \(name)") }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO memberships VALUES (?, ?, ?, ?, ?, ?)").execute(
            arguments: [system, kind, name, user, attributes, now.timeIntervalSince1970])
        return try changed(confirmation, existing == nil ? "added to \(kind) \(name)" : "updated in \(kind) \(name)", in: db)
    }

    private func removeMembership(kind: String, parameter: String, _ db: Database) throws -> AdapterConfirmation {
        let name = try self.parameter(parameter)
        let deleted = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT COUNT(*) FROM memberships WHERE system = ? AND kind = ? AND container = ? AND user_key = ?"),
            arguments: [system, kind, name, user]) ?? 0
        guard deleted > 0 else { return unchanged("-", "not in \(kind) \(name)") }
        try db.cachedStatement(sql: "DELETE FROM memberships WHERE system = ? AND kind = ? AND container = ? AND user_key = ?").execute(
            arguments: [system, kind, name, user])
        let containerID = try containerID(kind: kind, name: name, db)
        return try changed(containerID, "removed from \(kind) \(name)", in: db)
    }

    // MARK: Messages and transfers

    private func sendMessage(parameter: String, _ db: Database) throws -> AdapterConfirmation {
        let name = try self.parameter(parameter)
        if model.accountSystem != nil { _ = try memberAccountID(db) }
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT external_id, status FROM messages WHERE system = ? AND user_key = ? AND name = ?"),
            arguments: [system, user, name])
        if let existing, existing["status"] == "sent" {
            return unchanged(existing["external_id"], "\(name) already sent")
        }
        let employee = request.employee
        let recipient = request.parameters["to"] ?? employee.email ?? employee.string("personal_email") ?? user
        let sentBefore = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT COUNT(*) FROM side_effects WHERE system = ? AND action = ? AND employee_id = ?"),
            arguments: [system, request.action, user]) ?? 0
        let id = makeID(model.effectID, "message", user, name, String(sentBefore))
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO messages VALUES (?, ?, ?, ?, ?, ?, ?, 'sent', ?)").execute(
            arguments: [
                system, user, name, recipient, SandboxJSON.encodeParameters(request.parameters), id,
                request.idempotencyKey, now.timeIntervalSince1970,
            ])
        return try changed(id, "sent \(name) to \(recipient)", in: db)
    }

    private func retractMessage(parameter: String, _ db: Database) throws -> AdapterConfirmation {
        let name = try self.parameter(parameter)
        guard let id = try String.fetchOne(
            db.cachedStatement(sql: "SELECT external_id FROM messages WHERE system = ? AND user_key = ? AND name = ? AND status = 'sent'"),
            arguments: [system, user, name])
        else { return unchanged("-", "no \(name) to retract") }
        try db.cachedStatement(sql: "UPDATE messages SET status = 'retracted' WHERE system = ? AND user_key = ? AND name = ?").execute(
            arguments: [system, user, name])
        return try changed(id, "retracted \(name)", in: db)
    }

    private func transferOwnership(_ db: Database) throws -> AdapterConfirmation {
        guard let recipient = request.parameters["to"] ?? request.employee.managerEmail else {
            throw AdapterError(
                .needsHuman,
                "\(system):transfer_ownership: employee \(user) has no manager email and no `to` parameter; "
                    + "say who receives their files")
        }
        guard try accountRow(db) != nil else { return unchanged("-", "no \(system) account for \(user): nothing to transfer") }
        if let id = try String.fetchOne(
            db.cachedStatement(sql: "SELECT external_id FROM transfers WHERE system = ? AND user_key = ? AND to_user = ?"),
            arguments: [system, user, recipient]) {
            return unchanged(id, "files already transferred to \(recipient)")
        }
        let id = makeID(model.effectID, "transfer", user, recipient)
        try db.cachedStatement(sql: "INSERT INTO transfers VALUES (?, ?, ?, ?, ?)").execute(
            arguments: [system, user, recipient, id, now.timeIntervalSince1970])
        return try changed(id, "files transferred to \(recipient)", in: db)
    }
}
