import GRDB
import KeycardCore

/// The one place the engine's step outcomes and operator actions enter the audit trail,
/// inside the transaction that records them.
enum EngineAudit {
    static func record(_ evidence: StepEvidence, in db: Database) throws {
        try AuditTrail.append(AuditEntry(evidence), in: db)
    }

    static func record(_ entry: AuditEntry, in db: Database) throws {
        try AuditTrail.append(entry, in: db)
    }
}
