import Foundation
import KeycardCore
import KeycardIntake
import KeycardStore

/// The demo organisation's existing employees (`org.json`): stored as long-ago hires whose access is in place.
enum DemoRoster {
    /// Stores every employee of the roster and records their hire as imported, so no run re-provisions them.
    static func importRoster(_ path: String, into database: KeycardDatabase, now: Date) throws -> Int {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("cannot read the demo roster \(path): \(error.localizedDescription)")
        }
        guard let people = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw CLIError("\(path): expected a JSON list of employees (canonical attributes)")
        }
        let events: [[String: Any]] = people.enumerated().map { index, person in
            [
                "event_type": "employee.hired", "event_id": "roster-\(person["employee_id"] as? String ?? "\(index)")",
                "timestamp": "\(person["start_date"] as? String ?? "2020-01-01")T09:00:00Z", "data": person,
            ]
        }
        let body = try JSONSerialization.data(withJSONObject: events)
        let outcomes = try IntakePipeline(database: database).ingest(source: .canonical, body: body)
        var imported = 0
        for outcome in outcomes {
            switch outcome {
            case .accepted(let eventID, let employeeID):
                try database.recordProvisioningDecision(ProvisioningDecision(
                    eventID: eventID, employeeID: employeeID, outcome: .imported,
                    note: "demo roster: access already in place", decidedAt: now))
                imported += 1
            case .rejected(let id, let errors):
                throw CLIError("\(path): roster entry rejected (dead letter \(id)): \(errors.map(\.description).joined(separator: "; "))")
            case .held, .duplicate:
                break
            }
        }
        return imported
    }
}
