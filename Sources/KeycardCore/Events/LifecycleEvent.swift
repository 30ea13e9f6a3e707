import Foundation

/// A validated HR lifecycle event in the canonical shape, whatever HRIS it came from.
public struct LifecycleEvent: Sendable, Hashable, Codable {
    public var eventID: String
    public var type: LifecycleEventType
    /// When the HR system says the event happened (`timestamp`); events of one employee apply in this order.
    public var timestamp: Date
    public var employeeID: String
    /// When the change takes effect: start date for a hire, termination instant for a leaver, else `timestamp`.
    public var effectiveAt: Date
    /// The canonical `data` object: employee attributes (for `updated`, the changed ones at least).
    public var data: [String: AttributeValue]
    /// The intake source that delivered it (`canonical`, `bamboohr`, `hibob`, `merge`, `rippling`, `workday`).
    public var source: String

    public init(
        eventID: String, type: LifecycleEventType, timestamp: Date, employeeID: String,
        effectiveAt: Date, data: [String: AttributeValue], source: String
    ) {
        self.eventID = eventID
        self.type = type
        self.timestamp = timestamp
        self.employeeID = employeeID
        self.effectiveAt = effectiveAt
        self.data = data
        self.source = source
    }
}
