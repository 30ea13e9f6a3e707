import Foundation
import GRDB
import KeycardCore

/// One link of the audit chain: the entry as stored, its sequence, the previous record's hash and its own.
///
/// `hash` is the SHA-256 (lowercase hex) of `canonicalObject` — every field but `hash` — printed as `CanonicalJSON`;
/// an auditor re-verifies a JSON-lines export with any JSON library that sorts keys and prints compactly.
public struct AuditRecord: Sendable, Hashable, Codable {
    public var sequence: Int64
    /// UTC with milliseconds: `2026-01-15T09:00:00.000Z`.
    public var timestamp: String
    public var runID: String?
    public var stepID: String?
    public var employeeID: String?
    public var system: String?
    public var action: String
    public var parameters: [String: String]
    public var justification: [AuditPolicyReference]
    public var approver: String?
    public var result: String
    public var confirmationID: String?
    public var actor: String
    public var detail: String?
    public var prevHash: String
    public var hash: String

    /// The hash of the record before the first one.
    public static let genesisHash = String(repeating: "0", count: 64)

    enum CodingKeys: String, CodingKey, CaseIterable {
        case sequence, timestamp, action, parameters, justification, approver, result, actor, detail, hash, system
        case runID = "run_id", stepID = "step_id", employeeID = "employee_id", confirmationID = "confirmation_id"
        case prevHash = "prev_hash"
    }

    /// The record of `entry` at `sequence`, hashed.
    init(entry: AuditEntry, sequence: Int64, prevHash: String) {
        self = AuditRow(entry: entry, sequence: sequence, prevHash: prevHash).record
    }

    /// The record without its hash (`AuditRow` computes it with the JSON columns it also writes).
    fileprivate init(unhashed entry: AuditEntry, sequence: Int64, prevHash: String) {
        self.sequence = sequence
        timestamp = AuditTimestamp.format(entry.timestamp)
        runID = entry.runID
        stepID = entry.stepID
        employeeID = entry.employeeID
        system = entry.system
        action = entry.action
        parameters = AuditRedaction.redact(entry.parameters)
        justification = entry.justifications.map { AuditPolicyReference(policyID: $0.policyID, policyVersion: $0.policyVersion) }
        approver = entry.approver
        result = entry.result
        confirmationID = entry.confirmationID
        actor = entry.actor
        detail = entry.detail
        self.prevHash = prevHash
        hash = ""
    }

    public var date: Date? { AuditTimestamp.parse(timestamp) }

    /// Every field but `hash`, as the hash covers them.
    public var canonicalObject: CanonicalJSON {
        .object([
            "sequence": .integer(sequence), "timestamp": .string(timestamp), "run_id": .optional(runID),
            "step_id": .optional(stepID), "employee_id": .optional(employeeID), "system": .optional(system),
            "action": .string(action), "parameters": .object(parameters.mapValues(CanonicalJSON.string)),
            "justification": .list(justification.map(\.canonicalObject)), "approver": .optional(approver),
            "result": .string(result), "confirmation_id": .optional(confirmationID), "actor": .string(actor),
            "detail": .optional(detail), "prev_hash": .string(prevHash),
        ])
    }

    /// `canonicalObject`'s bytes, written directly: the keys below are in the order `CanonicalJSON` sorts them to.
    var canonicalBytes: [UInt8] {
        canonicalBytes(parametersJSON: parametersJSON, justificationJSON: justificationJSON)
    }

    /// `canonicalBytes` with the two JSON members already encoded.
    func canonicalBytes(parametersJSON: [UInt8], justificationJSON: [UInt8]) -> [UInt8] {
        var writer = CanonicalJSONWriter(capacity: 768)
        writer.open("{")
        writer.key("action")
        writer.string(action)
        writer.key("actor")
        writer.string(actor)
        writer.key("approver")
        writer.optional(approver)
        writer.key("confirmation_id")
        writer.optional(confirmationID)
        writer.key("detail")
        writer.optional(detail)
        writer.key("employee_id")
        writer.optional(employeeID)
        writer.key("justification")
        writer.raw(justificationJSON)
        writer.key("parameters")
        writer.raw(parametersJSON)
        writer.key("prev_hash")
        writer.string(prevHash)
        writer.key("result")
        writer.string(result)
        writer.key("run_id")
        writer.optional(runID)
        writer.key("sequence")
        writer.integer(sequence)
        writer.key("step_id")
        writer.optional(stepID)
        writer.key("system")
        writer.optional(system)
        writer.key("timestamp")
        writer.string(timestamp)
        writer.close("}")
        return writer.bytes
    }

    /// The `parameters` column and member: canonical JSON of the (redacted) parameters.
    var parametersJSON: [UInt8] {
        CanonicalJSONWriter.object(parameters)
    }

    /// The `justification` column and member: canonical JSON of the policy references.
    var justificationJSON: [UInt8] {
        CanonicalJSONWriter.bytes(capacity: 128) { writer in
            writer.list(justification) { writer, reference in
                writer.open("{")
                writer.key("policy_id")
                writer.string(reference.policyID)
                writer.key("policy_version")
                writer.string(reference.policyVersion)
                writer.close("}")
            }
        }
    }

    /// The SHA-256 of this record's canonical form, whatever `hash` says.
    public func computedHash() -> String {
        SHA256Hex.digest(canonicalBytes)
    }

    /// One JSON-lines line: the canonical form plus `hash`.
    public var jsonLine: String {
        guard case .object(var members) = canonicalObject else { return "" }
        members["hash"] = .string(hash)
        return CanonicalJSON.object(members).text
    }

    init(row: Row) throws {
        sequence = row["sequence"]
        timestamp = row["timestamp"]
        runID = row["run_id"]
        stepID = row["step_id"]
        employeeID = row["employee_id"]
        system = row["system"]
        action = row["action"]
        parameters = try JSONDecoder().decode([String: String].self, from: Data((row["parameters"] as String).utf8))
        justification = try JSONDecoder().decode(
            [AuditPolicyReference].self, from: Data((row["justification"] as String).utf8))
        approver = row["approver"]
        result = row["result"]
        confirmationID = row["confirmation_id"]
        actor = row["actor"]
        detail = row["detail"]
        prevHash = Self.hashText(row["prev_hash"])
        hash = Self.hashText(row["hash"])
    }

    private static let insertSQL = HotSQL("""
        INSERT INTO audit_records (sequence, timestamp, run_id, step_id, employee_id, system, action, parameters,
            justification, approver, result, confirmation_id, actor, detail, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)

    fileprivate func insert(
        _ statements: HotStatements, parametersJSON: [UInt8], justificationJSON: [UInt8], prevHashBytes: [UInt8]?,
        hashBytes: [UInt8]
    ) throws {
        try statements.execute(Self.insertSQL) { values in
            values.add(sequence)
            values.add(timestamp)
            values.add(runID)
            values.add(stepID)
            values.add(employeeID)
            values.add(system)
            values.add(action)
            values.add(parametersJSON)
            values.add(justificationJSON)
            values.add(approver)
            values.add(result)
            values.add(confirmationID)
            values.add(actor)
            values.add(detail)
            // A hash is stored as its 32 bytes (a record is ~300 bytes, and its two hashes in hex were 128 of them);
            // a previous hash that is not lowercase hex is stored as written. Reading accepts both (`hashText`), so
            // rows written as text before stay readable and verifiable.
            if let prevHashBytes { values.add(blob: prevHashBytes) } else { values.add(prevHash) }
            values.add(blob: hashBytes)
        }
    }

    /// A stored hash in lowercase hex, whether it is stored as bytes or as text.
    private static func hashText(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .blob(let data): Hex.string(data)
        case .string(let text): text
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .null: ""
        }
    }
}

/// The policy behind a grant, as evidence names it: id and the version (content hash) of its file.
public struct AuditPolicyReference: Sendable, Hashable, Codable {
    public var policyID: String
    public var policyVersion: String

    public init(policyID: String, policyVersion: String) {
        self.policyID = policyID
        self.policyVersion = policyVersion
    }

    enum CodingKeys: String, CodingKey {
        case policyID = "policy_id", policyVersion = "policy_version"
    }

    var canonicalObject: CanonicalJSON {
        .object(["policy_id": .string(policyID), "policy_version": .string(policyVersion)])
    }
}

/// A record being appended with its two JSON columns, encoded once for both its hash and its row, and its hashes'
/// bytes as stored.
struct AuditRow {
    let record: AuditRecord
    private let parametersJSON: [UInt8]
    private let justificationJSON: [UInt8]
    /// The record's hash as stored; the next record's `prevHashBytes`.
    let hashBytes: [UInt8]
    private let prevHashBytes: [UInt8]?

    /// `prevHashBytes`: `prevHash` as bytes when the caller has them (the row appended before), else read from it.
    init(entry: AuditEntry, sequence: Int64, prevHash: String, prevHashBytes: [UInt8]? = nil) {
        var record = AuditRecord(unhashed: entry, sequence: sequence, prevHash: prevHash)
        parametersJSON = record.parametersJSON
        justificationJSON = record.justificationJSON
        hashBytes = SHA256Hex.digestBytes(
            record.canonicalBytes(parametersJSON: parametersJSON, justificationJSON: justificationJSON))
        record.hash = Hex.string(hashBytes)
        self.prevHashBytes = prevHashBytes ?? Hex.bytes(prevHash, lowercaseOnly: true)
        self.record = record
    }

    func insert(_ statements: HotStatements) throws {
        try record.insert(
            statements, parametersJSON: parametersJSON, justificationJSON: justificationJSON,
            prevHashBytes: prevHashBytes, hashBytes: hashBytes)
    }
}
