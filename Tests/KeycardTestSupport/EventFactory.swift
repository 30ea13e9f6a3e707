import Foundation
import KeycardCore

/// Canonical lifecycle events with sensible defaults, for tests that are not about decoding.
public enum EventFactory {
    public static let epoch = Date(timeIntervalSince1970: 1_705_309_200)  // 2024-01-15T09:00:00Z

    public static func hire(
        _ employeeID: String, eventID: String? = nil, at timestamp: Date = epoch, startDate: String = "2024-02-01",
        attributes: [String: AttributeValue] = [:]
    ) -> LifecycleEvent {
        var data: [String: AttributeValue] = [
            "employee_id": .string(employeeID), "email": .string("\(employeeID.lowercased())@company.com"),
            "first_name": .string("Test"), "last_name": .string(employeeID), "job_title": .string("Sales Engineer"),
            "department": .string("Sales"), "employment_type": .string("full_time"), "start_date": .string(startDate),
        ]
        data.merge(attributes) { _, new in new }
        return LifecycleEvent(
            eventID: eventID ?? "hire-\(employeeID)", type: .hired, timestamp: timestamp, employeeID: employeeID,
            effectiveAt: Timestamps.parseDate(startDate) ?? timestamp, data: data, source: "canonical")
    }

    public static func update(
        _ employeeID: String, eventID: String, at timestamp: Date, attributes: [String: AttributeValue]
    ) -> LifecycleEvent {
        var data = attributes
        data["employee_id"] = .string(employeeID)
        return LifecycleEvent(
            eventID: eventID, type: .updated, timestamp: timestamp, employeeID: employeeID,
            effectiveAt: timestamp, data: data, source: "canonical")
    }

    public static func termination(
        _ employeeID: String, eventID: String, at timestamp: Date, terminationDate: String
    ) -> LifecycleEvent {
        LifecycleEvent(
            eventID: eventID, type: .terminated, timestamp: timestamp, employeeID: employeeID,
            effectiveAt: Timestamps.parseInstant(terminationDate) ?? timestamp,
            data: ["employee_id": .string(employeeID), "termination_date": .string(terminationDate)], source: "canonical")
    }
}
