/// Walks the chain in sequence order and names the first break: a record whose content no longer matches its hash
/// (edited), a link that skips records (deleted), a record no later link points back to (inserted), or links
/// that point forward (reordered); the head table catches a truncated or extended tail.
struct AuditVerifier {
    let records: [AuditRecord]
    let head: AuditHead?

    func verify() -> AuditVerification {
        var positionByHash: [String: Int] = [:]
        for (index, record) in records.enumerated() { positionByHash[record.hash] = index }
        for (index, record) in records.enumerated() {
            let expectedSequence = Int64(index) + 1
            let previousHash = index == 0 ? AuditRecord.genesisHash : records[index - 1].hash
            if record.prevHash != previousHash {
                return .broken(linkBreak(at: index, expectedSequence: expectedSequence, positionByHash: positionByHash))
            }
            if record.sequence != expectedSequence {
                return .broken(AuditBreak(
                    sequence: record.sequence, kind: .edited,
                    reason: "its sequence number should be \(expectedSequence) in an unbroken chain"))
            }
            if record.computedHash() != record.hash {
                if index + 1 < records.count, records[index + 1].prevHash == previousHash {
                    return .broken(AuditBreak(
                        sequence: record.sequence, kind: .inserted,
                        reason: "its hash is not its own and the next record links past it"))
                }
                return .broken(AuditBreak(
                    sequence: record.sequence, kind: .edited, reason: "its contents no longer match its hash"))
            }
        }
        return headCheck()
    }

    private func linkBreak(at index: Int, expectedSequence: Int64, positionByHash: [String: Int]) -> AuditBreak {
        let record = records[index]
        let previousHash = index == 0 ? AuditRecord.genesisHash : records[index - 1].hash
        if record.sequence > expectedSequence, record.prevHash != previousHash {
            let missing = expectedSequence == record.sequence - 1
                ? "record \(expectedSequence) is" : "records \(expectedSequence)–\(record.sequence - 1) are"
            return AuditBreak(sequence: expectedSequence, kind: .deleted, reason: "\(missing) missing before record \(record.sequence)")
        }
        if let target = positionByHash[record.prevHash], target > index {
            return AuditBreak(
                sequence: record.sequence, kind: .reordered,
                reason: "it links to record \(records[target].sequence), which comes after it")
        }
        if index + 1 < records.count, records[index + 1].prevHash == previousHash {
            return AuditBreak(
                sequence: record.sequence, kind: .inserted,
                reason: "the next record links past it to record \(index == 0 ? 0 : records[index - 1].sequence)")
        }
        if let target = positionByHash[record.prevHash], target < index - 1 {
            return AuditBreak(
                sequence: records[target + 1].sequence, kind: .inserted,
                reason: "record \(record.sequence) links back to record \(records[target].sequence), skipping "
                    + "\(index - target - 1) record(s) that do not belong")
        }
        if record.prevHash == AuditRecord.genesisHash, index > 0 {
            return AuditBreak(sequence: record.sequence, kind: .inserted, reason: "it claims to be the first record")
        }
        return AuditBreak(
            sequence: index == 0 ? record.sequence : records[index - 1].sequence, kind: .edited,
            reason: index == 0
                ? "the first record does not start the chain"
                : "record \(record.sequence) no longer links to it (its contents or hash were changed)")
    }

    private func headCheck() -> AuditVerification {
        let count = records.count
        let lastHash = records.last?.hash ?? AuditRecord.genesisHash
        guard let head else {
            return count == 0
                ? .ok(count: 0, headHash: lastHash)
                : .broken(AuditBreak(sequence: Int64(count), kind: .edited, reason: "the audit head (count and last hash) is missing"))
        }
        if count < head.count {
            let first = Int64(count) + 1
            let missing = first == head.sequence ? "record \(first) is" : "records \(first)–\(head.sequence) are"
            return .broken(AuditBreak(sequence: first, kind: .deleted, reason: "\(missing) missing from the end (head says \(head.count))"))
        }
        if count > head.count {
            return .broken(AuditBreak(
                sequence: head.sequence + 1, kind: .inserted,
                reason: "\(count - head.count) record(s) after the head (head says \(head.count))"))
        }
        if head.hash != lastHash {
            return .broken(AuditBreak(
                sequence: records.last?.sequence ?? 0, kind: .edited, reason: "the last record's hash differs from the head's"))
        }
        return .ok(count: count, headHash: lastHash)
    }
}
