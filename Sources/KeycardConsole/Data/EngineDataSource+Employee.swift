import Foundation
import KeycardCore
import KeycardEngine
import KeycardPolicy
import KeycardStore

extension EngineDataSource {
    /// One person: attributes, access with the policies that explain it, runs and events.
    func employeeDetail(_ id: String, now: Date, names: [String: String]) throws -> EmployeeDetail? {
        guard let record = try database.employeeRecord(id: id) else { return nil }
        let summaries = try engine.runs(employeeID: id, limit: 100)
        let details = try summaries.map { try engine.run($0.run.id) }
        let access = access(of: record, runs: details)
        let row = StoreRowMapping.employeeRow(record, accessCount: access.count, runCount: summaries.count, now: now)
        let attributes = record.employee.attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value.description) }
        let runIDs = Dictionary(
            summaries.compactMap { summary in summary.run.eventID.map { ($0, summary.run.id.rawValue) } },
            uniquingKeysWith: { first, _ in first })
        let events = try database.events(employeeID: id, limit: 100).map {
            StoreRowMapping.eventRow($0, names: names, runIDs: runIDs)
        }
        return EmployeeDetail(
            employee: row, attributes: attributes, access: access, runs: summaries.map(EngineRowMapping.runRow), events: events)
    }

    /// With policies: what the employee should have now, each grant with its justifications and the state of the
    /// latest step that gave it. Without: the grant steps of their runs (newest run first).
    func access(of record: EmployeeRecord, runs: [RunDetail]) -> [AccessRow] {
        var latest: [String: Step] = [:]
        for detail in runs.reversed() {
            for step in detail.steps where step.purpose == .grant || step.purpose == .revoke { latest[step.label] = step }
        }
        guard let policies else {
            return latest.values.filter { $0.purpose == .grant }.sorted { $0.label < $1.label }.map {
                AccessRow(grant: $0.label, state: $0.state, justifications: $0.justifications)
            }
        }
        guard record.status != .terminated else { return [] }
        return policies.evaluate(record.employee).map { grant in
            let label = grant.key.description
            let step = latest[label].flatMap { $0.purpose == .grant ? $0 : nil }
            return AccessRow(grant: label, state: step?.state ?? .pending, justifications: grant.justifications)
        }
    }
}
