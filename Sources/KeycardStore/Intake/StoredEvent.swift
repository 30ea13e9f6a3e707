import Foundation
import KeycardCore

/// A lifecycle event as stored: the event, where it came from, and whether it has been applied.
public struct StoredEvent: Sendable, Hashable, Codable {
    /// Applied to the employee, or held until the hire it depends on arrives.
    public enum Status: String, Sendable, Hashable, Codable {
        case applied, held
    }

    public var id: Int64
    public var event: LifecycleEvent
    public var deliveryID: Int64
    public var status: Status
    public var holdReason: String?
    public var duplicateCount: Int
    public var storedAt: Date
    public var appliedAt: Date?
}
