import Foundation
import KeycardCore

/// Keycard's own format: `{"event_type", "event_id", "timestamp", "data": {...}}`, one event, an array, or JSON lines.
public struct CanonicalEventDecoder: EventDecoder {
    public let source = IntakeSource.canonical
    private let validator = EventValidator()

    public init() {}

    public func decode(body: Data, headers: [String: String]) -> [DecodedItem] {
        JSONDelivery.decode(body) { value, itemBody in
            [DecodedItem(validator.validate(value, source: .canonical), body: itemBody)]
        }
    }
}
