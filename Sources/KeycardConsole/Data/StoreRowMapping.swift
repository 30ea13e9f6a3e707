import Foundation
import KeycardCore
import KeycardEngine
import KeycardStore

/// Maps what the store holds about people, intake and evidence to the console's rows: pure functions.
enum StoreRowMapping {
    static func employeeRow(_ record: EmployeeRecord, accessCount: Int, runCount: Int, now: Date) -> EmployeeRow {
        let employee = record.employee
        return EmployeeRow(
            id: employee.id, name: employee.displayName, email: employee.email ?? "",
            department: employee.string(CanonicalAttribute.department) ?? "-",
            title: employee.string(CanonicalAttribute.jobTitle) ?? "-", status: status(record, now: now),
            accessCount: accessCount, runCount: runCount)
    }

    /// `active`, `pre-hire` (start date still ahead) or `leaver`.
    static func status(_ record: EmployeeRecord, now: Date) -> String {
        if record.status == .terminated { return "leaver" }
        if let start = record.employee.string(CanonicalAttribute.startDate).flatMap(Timestamps.parseDate), start > now {
            return "pre-hire"
        }
        return "active"
    }

    static func eventRow(_ stored: StoredEvent, names: [String: String], runIDs: [String: String]) -> EventRow {
        let event = stored.event
        return EventRow(
            id: event.eventID, receivedAt: stored.storedAt, source: event.source, type: event.type.rawValue,
            employee: names[event.employeeID] ?? name(in: event.data) ?? "unknown (\(event.employeeID))",
            status: .accepted,
            fieldErrors: stored.holdReason.map { [FieldError(path: "held", reason: $0)] } ?? [], runID: runIDs[event.eventID])
    }

    /// Dead letters are shown as `dl-<id>` so replay and discard find them again.
    static func deadLetterID(_ id: Int64) -> String { "dl-\(id)" }

    static func deadLetterNumber(_ eventID: String) -> Int64? {
        eventID.hasPrefix("dl-") ? Int64(eventID.dropFirst(3)) : nil
    }

    static func eventRow(_ letter: DeadLetter) -> EventRow {
        let status: EventStatus
        switch letter.status {
        case .open: status = .deadLetter
        case .replayed: status = .replayed
        case .discarded: status = .discarded
        }
        let body = (try? JSONSerialization.jsonObject(with: letter.body)) as? [String: Any]
        let data = body?["data"] as? [String: Any]
        let type = body?["event_type"] as? String ?? body?["type"] as? String ?? "?"
        let employeeID = body?["employee_id"] as? String ?? data?["employee_id"] as? String
        let first = data?["first_name"] as? String
        let last = data?["last_name"] as? String
        let named = [first, last].compactMap { $0 }.joined(separator: " ")
        let employee = named.isEmpty ? "unknown (\(employeeID ?? "no id"))" : named
        return EventRow(
            id: deadLetterID(letter.id), receivedAt: letter.createdAt, source: letter.source, type: type, employee: employee,
            status: status, fieldErrors: letter.errors)
    }

    static func auditRow(_ record: AuditRecord, names: [String: String]) -> AuditRow {
        let action = record.action
        return AuditRow(
            sequence: Int(record.sequence), at: record.date ?? Date(timeIntervalSince1970: 0), runID: record.runID ?? "system",
            employee: record.employeeID.map { names[$0] ?? $0 } ?? "-", system: record.system ?? "engine",
            action: action, result: record.result, approver: record.approver ?? (record.system == nil ? record.actor : nil),
            confirmationID: record.confirmationID, hash: String(record.hash.prefix(16)))
    }

    static func systemRow(
        _ capabilities: SystemCapabilities, load: SystemLoad?, limits: SystemLimits, failed: Int, paused: Bool
    ) -> SystemRow {
        let capacity = Int(max(1, limits.burst).rounded())
        let slowed = load.map { $0.ratePerSecond < $0.configuredRatePerSecond * 0.99 } ?? false
        let health: SystemHealth = paused ? .paused : (slowed || failed > 0 ? .degraded : .healthy)
        var note: String?
        if let load, slowed {
            note = String(format: "rate slowed to %.1f/s after 429s (configured %.1f/s)", load.ratePerSecond, load.configuredRatePerSecond)
        } else if failed > 0 {
            note = "\(failed) failed step\(failed == 1 ? "" : "s")"
        }
        return SystemRow(
            system: capabilities.system, displayName: capabilities.displayName, health: health, inFlight: load?.inFlight ?? 0,
            maxInFlight: limits.maxInFlight, rateRemaining: Int((load?.budget ?? Double(capacity)).rounded(.down)),
            rateCapacity: capacity, queueDepth: load?.queueDepth ?? 0,
            etaSeconds: load.flatMap { $0.queueDepth > 0 ? $0.etaSeconds : nil }, failedSteps: failed, note: note)
    }

    static func name(in data: [String: AttributeValue]) -> String? {
        let name = [data[CanonicalAttribute.firstName]?.stringValue, data[CanonicalAttribute.lastName]?.stringValue]
            .compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? nil : name
    }
}
