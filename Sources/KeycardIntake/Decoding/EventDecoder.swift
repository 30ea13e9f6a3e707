import Foundation
import KeycardCore

/// Turns the bytes of one delivery from one HRIS into canonical, validated lifecycle events.
public protocol EventDecoder: Sendable {
    var source: IntakeSource { get }
    /// Never throws and never crashes: anything unreadable comes back as `.invalid` with field errors.
    func decode(body: Data, headers: [String: String]) -> [DecodedItem]
}
