import Foundation

/// A person as the HR system describes them: a stable id and their current attributes.
public struct Employee: Sendable, Hashable, Codable {
    public var id: String
    /// Canonical attributes (`email`, `first_name`, `job_title`, `department`, ...) and any extra ones.
    public var attributes: [String: AttributeValue]

    public init(id: String, attributes: [String: AttributeValue]) {
        self.id = id
        self.attributes = attributes
    }

    public subscript(attribute name: String) -> AttributeValue? {
        attributes[name]
    }

    public func string(_ name: String) -> String? {
        attributes[name]?.stringValue
    }

    public var email: String? { string(CanonicalAttribute.email) }
    public var managerEmail: String? { string(CanonicalAttribute.managerEmail) }
    public var displayName: String {
        let name = [string(CanonicalAttribute.firstName), string(CanonicalAttribute.lastName)]
            .compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? id : name
    }
}
