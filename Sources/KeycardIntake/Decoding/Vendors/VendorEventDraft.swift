import Foundation
import KeycardCore

/// A canonical event assembled from a vendor payload, remembering the vendor path behind every canonical field,
/// so validation errors name the field the vendor sent (`employees[0].fields.workEmail`, not `data.email`).
struct VendorEventDraft {
    var eventType: LifecycleEventType?
    var eventID: JSONValue?
    var timestamp: JSONValue?
    private(set) var data: [String: JSONValue] = [:]
    /// Canonical path (`data.email`, `timestamp`) → vendor path.
    private(set) var vendorPaths: [String: String] = [:]
    /// Problems only the vendor mapping can see (an unknown action, a payload that is not an object...).
    var errors: [FieldError] = []

    mutating func setType(_ type: LifecycleEventType?, from vendorPath: String) {
        eventType = type
        vendorPaths["event_type"] = vendorPath
    }

    mutating func setEventID(_ value: JSONValue?, from vendorPath: String) {
        eventID = value
        vendorPaths["event_id"] = vendorPath
    }

    mutating func setTimestamp(_ value: JSONValue?, from vendorPath: String) {
        timestamp = value.map(VendorValues.instant)
        vendorPaths["timestamp"] = vendorPath
    }

    /// Sets a canonical attribute; absent and blank vendor values leave it unset (vendors send "" for "not set").
    mutating func set(_ attribute: String, _ value: JSONValue?, from vendorPath: String) {
        vendorPaths["data." + attribute] = vendorPath
        guard let value = VendorValues.present(value) else { return }
        data[attribute] = value
    }

    /// Keeps a vendor field that has no canonical name as an extra attribute.
    mutating func keep(_ name: String, _ value: JSONValue?, from vendorPath: String) {
        guard let value = VendorValues.present(value), data[name] == nil else { return }
        data[name] = value
        vendorPaths["data." + name] = vendorPath
    }

    func has(_ attribute: String) -> Bool {
        data[attribute] != nil
    }

    /// Validates the assembled event; errors carry vendor paths, and a vendor error hides a duplicate on its path.
    func validate(source: IntakeSource) -> Result<LifecycleEvent, ValidationFailure> {
        var root: [String: JSONValue] = ["data": .object(data)]
        if let eventType { root["event_type"] = .string(eventType.rawValue) }
        if let eventID { root["event_id"] = eventID }
        if let timestamp { root["timestamp"] = timestamp }
        let result = EventValidator().validate(.object(root), source: source)
        guard case .failure(let failure) = result else {
            return errors.isEmpty ? result : .failure(ValidationFailure(errors))
        }
        let vendorErrorPaths = Set(errors.map(\.path))
        let mapped = failure.errors.map { error in
            FieldError(path: vendorPaths[error.path] ?? error.path, reason: error.reason)
        }
        return .failure(ValidationFailure(errors + mapped.filter { !vendorErrorPaths.contains($0.path) }))
    }
}
