import Foundation
import KeycardCore

/// One item of a delivery as the store receives it: a valid event, or field errors with the item's bytes.
public enum DeliveryItem: Sendable, Hashable {
    case event(LifecycleEvent)
    case invalid([FieldError], body: Data)
}

/// What the store did with one item of a delivery.
public enum IngestOutcome: Sendable, Hashable, Codable {
    /// Stored and applied to the employee.
    case accepted(eventID: String, employeeID: String)
    /// Stored, but waiting for the `employee.hired` it depends on.
    case held(eventID: String, employeeID: String, reason: String)
    /// Already stored by an earlier delivery; nothing changed.
    case duplicate(eventID: String)
    /// Kept in the dead-letter table with its errors.
    case rejected(deadLetterID: Int64, errors: [FieldError])
}
