import Foundation
import KeycardCore

/// A delivery (or one item of it) that could not be accepted, kept with its errors for an operator.
public struct DeadLetter: Sendable, Hashable, Codable {
    /// Whether an operator has dealt with it.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open, replayed, discarded
    }

    public var id: Int64
    public var deliveryID: Int64
    public var source: String
    public var body: Data
    public var errors: [FieldError]
    public var status: Status
    public var createdAt: Date
    public var resolvedAt: Date?
    public var resolution: String?
}
