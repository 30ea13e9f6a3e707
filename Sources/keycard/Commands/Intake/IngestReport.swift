import Foundation
import KeycardCore
import KeycardStore

/// Totals and per-item results of an ingest, for people and for `--json`.
struct IngestReport: Encodable {
    /// One item's fate, with the file it came from.
    struct Item: Encodable {
        var file: String
        var status: String
        var eventID: String?
        var employeeID: String?
        var reason: String?
        var deadLetterID: Int64?
        var errors: [FieldError]?

        enum CodingKeys: String, CodingKey {
            case file, status, reason, errors
            case eventID = "event_id"
            case employeeID = "employee_id"
            case deadLetterID = "dead_letter_id"
        }
    }

    var accepted = 0
    var duplicate = 0
    var held = 0
    var rejected = 0
    var items: [Item] = []

    mutating func add(_ outcomes: [IngestOutcome], file: String) {
        for outcome in outcomes {
            switch outcome {
            case .accepted(let eventID, let employeeID):
                accepted += 1
                items.append(Item(file: file, status: "accepted", eventID: eventID, employeeID: employeeID))
            case .held(let eventID, let employeeID, let reason):
                held += 1
                items.append(Item(file: file, status: "held", eventID: eventID, employeeID: employeeID, reason: reason))
            case .duplicate(let eventID):
                duplicate += 1
                items.append(Item(file: file, status: "duplicate", eventID: eventID))
            case .rejected(let deadLetterID, let errors):
                rejected += 1
                items.append(Item(file: file, status: "rejected", deadLetterID: deadLetterID, errors: errors))
            }
        }
    }

    func text(database: String) -> String {
        var lines = ["\(accepted) accepted, \(duplicate) duplicate, \(held) held, \(rejected) rejected  (database \(database))"]
        for item in items where item.status == "held" {
            lines.append("  held      \(item.eventID ?? "")  \(item.reason ?? "")")
        }
        for item in items where item.status == "duplicate" {
            lines.append("  duplicate \(item.eventID ?? "")  already stored, nothing changed")
        }
        for item in items where item.status == "rejected" {
            lines.append("  rejected  \(item.file)  → dead letter \(item.deadLetterID ?? 0)")
            for error in item.errors ?? [] {
                lines.append("      \(error.path): \(error.reason)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
