import KeycardCore
import KeycardStore

/// The JSON a webhook caller gets back: what happened to each event of its delivery.
struct WebhookResponseBody: Codable, Sendable {
    /// One event's fate.
    struct Item: Codable, Sendable {
        var status: String
        var eventID: String?
        var employeeID: String?
        var reason: String?
        var deadLetterID: Int64?
        var errors: [FieldError]?

        enum CodingKeys: String, CodingKey {
            case status, reason, errors
            case eventID = "event_id"
            case employeeID = "employee_id"
            case deadLetterID = "dead_letter_id"
        }
    }

    var status: String
    var message: String?
    var items: [Item]

    init(status: String, message: String? = nil, items: [Item] = []) {
        self.status = status
        self.message = message
        self.items = items
    }

    init(outcomes: [IngestOutcome]) {
        items = outcomes.map(Item.init(outcome:))
        let statuses = Set(items.map(\.status))
        if statuses.contains("rejected") { status = "rejected" }
        else if statuses == ["duplicate"] { status = "duplicate" }
        else { status = "accepted" }
        message = nil
    }
}

extension WebhookResponseBody.Item {
    init(outcome: IngestOutcome) {
        switch outcome {
        case .accepted(let eventID, let employeeID):
            self.init(status: "accepted", eventID: eventID, employeeID: employeeID)
        case .held(let eventID, let employeeID, let reason):
            self.init(status: "held", eventID: eventID, employeeID: employeeID, reason: reason)
        case .duplicate(let eventID):
            self.init(status: "duplicate", eventID: eventID, reason: "already stored; nothing changed")
        case .rejected(let deadLetterID, let errors):
            self.init(status: "rejected", deadLetterID: deadLetterID, errors: errors)
        }
    }
}
