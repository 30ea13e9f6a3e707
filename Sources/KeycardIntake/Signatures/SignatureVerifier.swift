import Foundation

/// Checks that a webhook delivery really comes from the HRIS that shares our secret.
public protocol SignatureVerifier: Sendable {
    /// `now` bounds the age of signatures that carry a timestamp (5 minutes either way).
    func verify(headers: [String: String], body: Data, now: Date) -> SignatureCheck
}

/// The verdict on a delivery's signature; an invalid one names the header and the problem.
public enum SignatureCheck: Sendable, Equatable {
    case valid
    case invalid(String)
}
