import Foundation
import KeycardCore
import KeycardStore

/// A stored event as `--json` prints it.
struct EventView: Encodable {
    var eventID: String
    var type: String
    var employeeID: String
    var timestamp: Date
    var effectiveAt: Date
    var status: String
    var holdReason: String?
    var duplicateCount: Int
    var source: String
    var deliveryID: Int64
    var data: [String: AttributeValue]

    init(_ stored: StoredEvent) {
        eventID = stored.event.eventID
        type = stored.event.type.rawValue
        employeeID = stored.event.employeeID
        timestamp = stored.event.timestamp
        effectiveAt = stored.event.effectiveAt
        status = stored.status.rawValue
        holdReason = stored.holdReason
        duplicateCount = stored.duplicateCount
        source = stored.event.source
        deliveryID = stored.deliveryID
        data = stored.event.data
    }

    enum CodingKeys: String, CodingKey {
        case type, timestamp, status, source, data
        case eventID = "event_id"
        case employeeID = "employee_id"
        case effectiveAt = "effective_at"
        case holdReason = "hold_reason"
        case duplicateCount = "duplicate_count"
        case deliveryID = "delivery_id"
    }
}

/// A dead letter as `--json` prints it; the body as text when it is UTF-8, else base64.
struct DeadLetterView: Encodable {
    var id: Int64
    var status: String
    var source: String
    var createdAt: Date
    var errors: [FieldError]
    var body: String
    var bodyEncoding: String
    var resolution: String?

    init(_ letter: DeadLetter) {
        id = letter.id
        status = letter.status.rawValue
        source = letter.source
        createdAt = letter.createdAt
        errors = letter.errors
        if let text = String(data: letter.body, encoding: .utf8) {
            body = text
            bodyEncoding = "utf8"
        } else {
            body = letter.body.base64EncodedString()
            bodyEncoding = "base64"
        }
        resolution = letter.resolution
    }

    enum CodingKeys: String, CodingKey {
        case id, status, source, errors, body, resolution
        case createdAt = "created_at"
        case bodyEncoding = "body_encoding"
    }
}
