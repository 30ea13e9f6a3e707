import Foundation
import KeycardCore

/// What intake did with an event.
public enum EventStatus: String, Sendable, Hashable, CaseIterable {
    case accepted, duplicate, deadLetter = "dead-letter", replayed, discarded
}

/// One intake event, or a dead letter with the field errors that stopped it.
public struct EventRow: Sendable, Hashable, Identifiable {
    public var id: String
    public var receivedAt: Date
    public var source: String
    public var type: String
    public var employee: String
    public var status: EventStatus
    public var fieldErrors: [FieldError]
    public var runID: String?

    public init(
        id: String, receivedAt: Date, source: String, type: String, employee: String, status: EventStatus,
        fieldErrors: [FieldError] = [], runID: String? = nil
    ) {
        self.id = id
        self.receivedAt = receivedAt
        self.source = source
        self.type = type
        self.employee = employee
        self.status = status
        self.fieldErrors = fieldErrors
        self.runID = runID
    }
}
