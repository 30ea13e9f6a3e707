import Foundation

/// How audit evidence is exported: CSV (RFC 4180) for spreadsheets, JSON lines for re-verifying hashes.
public enum AuditExportFormat: String, Sendable, Hashable, CaseIterable {
    case csv, jsonl

    static let columns = [
        "sequence", "timestamp", "run_id", "step_id", "employee_id", "system", "action", "parameters", "justification",
        "approver", "result", "confirmation_id", "actor", "detail", "prev_hash", "hash",
    ]

    static var csvHeader: String { columns.joined(separator: ",") + "\r\n" }

    /// One record in this format, with its line ending.
    func line(for record: AuditRecord) -> String {
        switch self {
        case .jsonl:
            return record.jsonLine + "\n"
        case .csv:
            let fields: [String?] = [
                String(record.sequence), record.timestamp, record.runID, record.stepID, record.employeeID, record.system,
                record.action, String(decoding: record.parametersJSON, as: UTF8.self),
                String(decoding: record.justificationJSON, as: UTF8.self), record.approver, record.result,
                record.confirmationID, record.actor, record.detail, record.prevHash, record.hash,
            ]
            return fields.map { Self.csvField($0 ?? "") }.joined(separator: ",") + "\r\n"
        }
    }

    /// Quotes a field when it holds a comma, a quote or a line break, doubling its quotes (RFC 4180).
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
