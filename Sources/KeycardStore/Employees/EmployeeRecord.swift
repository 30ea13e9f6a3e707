import Foundation
import KeycardCore

/// An employee as the store knows them now: attributes after every applied event, and their status.
public struct EmployeeRecord: Sendable, Hashable, Codable {
    /// Employment status derived from the events applied.
    public enum Status: String, Sendable, Hashable, Codable {
        case active, terminated
    }

    public var employee: Employee
    public var status: Status
    public var lastEventAt: Date
    public var updatedAt: Date
}

/// One applied event's change to an employee: attributes before and after, and which ones changed.
public struct EmployeeChange: Sendable, Hashable, Codable {
    public var id: Int64
    public var employeeID: String
    public var eventID: String
    public var eventType: LifecycleEventType
    public var eventTimestamp: Date
    public var before: [String: AttributeValue]?
    public var after: [String: AttributeValue]
    public var changed: [String]
    public var appliedAt: Date
}
