import Foundation
import KeycardCore

/// One event read from a delivery: valid and canonical, or rejected with every field error and its own bytes.
public enum DecodedItem: Sendable, Hashable {
    case event(LifecycleEvent)
    /// `body` holds the bytes of this item alone (one array element or JSON line), or the whole delivery.
    case invalid(ValidationFailure, body: Data)
}
