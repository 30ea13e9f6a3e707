import GRDB
import KeycardCore

/// The one place the engine's step outcomes enter the audit trail, inside the transaction that records them.
enum EngineAudit {
    static func record(_ evidence: StepEvidence, in db: Database) throws {
        // AUDIT WIRING: call the audit trail here once Sources/KeycardStore/Audit provides it:
        //   try AuditTrail.append(AuditEntry(evidence), in: db)
        _ = evidence
    }
}
