import Foundation
import KeycardCore

/// A canonical lifecycle event file as `keycard plan` reads it: the type and the employee attributes.
struct PlanEvent: Decodable {
    var eventType: LifecycleEventType
    var eventID: String?
    var data: [String: AttributeValue]

    enum CodingKeys: String, CodingKey {
        case eventType = "event_type"
        case eventID = "event_id"
        case data
    }

    var employeeID: String { data[CanonicalAttribute.employeeID]?.stringValue ?? "unknown" }

    var employee: Employee { Employee(id: employeeID, attributes: data) }

    static func read(_ path: String) throws -> PlanEvent {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(PlanEvent.self, from: data)
        } catch {
            throw CLIError("\(path) is not a canonical event ({\"event_type\", \"data\": {...}}): \(error)")
        }
    }
}
