import Foundation
import KeycardStore
import Synchronization

/// Verifying the audit chain reads every record: the result is kept until the head moves, and re-checked at most
/// every `minimumInterval` seconds while it keeps moving (the status says when it was last verified).
final class AuditChainCache: Sendable {
    private struct Entry {
        var headHash: String
        var status: AuditChainStatus
        var checkedAt: Date
    }

    private let entry = Mutex<Entry?>(nil)
    private let minimumInterval: TimeInterval

    init(minimumInterval: TimeInterval = 5) {
        self.minimumInterval = minimumInterval
    }

    func status(database: KeycardDatabase, headHash: String?, now: Date) -> AuditChainStatus {
        guard let headHash else { return .verified(records: 0, at: now) }
        if let cached = entry.withLock({ $0 }),
           cached.headHash == headHash || now.timeIntervalSince(cached.checkedAt) < minimumInterval {
            return cached.status
        }
        let status: AuditChainStatus
        do {
            switch try database.verifyAudit() {
            case .ok(let count, _): status = .verified(records: count, at: now)
            case .broken(let problem): status = .broken(sequence: Int(problem.sequence), reason: "\(problem.kind.rawValue): \(problem.reason)")
            }
        } catch {
            status = .broken(sequence: 0, reason: "cannot read the audit trail: \(error)")
        }
        entry.withLock { $0 = Entry(headHash: headHash, status: status, checkedAt: now) }
        return status
    }
}
