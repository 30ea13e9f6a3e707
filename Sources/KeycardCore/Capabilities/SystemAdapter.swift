import Foundation

/// A connection to one provisioning target: it declares its actions and performs them with "ensure" semantics.
public protocol SystemAdapter: Sendable {
    var capabilities: SystemCapabilities { get }
    /// Brings the system to the requested state; "already in that state" is success, not an error.
    func perform(_ request: AdapterRequest) async throws(AdapterError) -> AdapterConfirmation
}

/// One side effect asked of an adapter.
public struct AdapterRequest: Sendable, Hashable, Codable {
    public var system: String
    public var action: String
    public var employee: Employee
    public var parameters: [String: String]
    /// Same for every attempt of one step, so the system (or its ensure lookup) can spot a repeat.
    public var idempotencyKey: String

    public init(system: String, action: String, employee: Employee, parameters: [String: String], idempotencyKey: String) {
        self.system = system
        self.action = action
        self.employee = employee
        self.parameters = parameters
        self.idempotencyKey = idempotencyKey
    }
}

/// What a system answered when it did (or already had) the thing: its own id for the evidence.
public struct AdapterConfirmation: Sendable, Hashable, Codable {
    public var confirmationID: String
    /// True when the wanted state already existed and nothing was changed.
    public var alreadyInState: Bool
    public var detail: String?

    public init(confirmationID: String, alreadyInState: Bool = false, detail: String? = nil) {
        self.confirmationID = confirmationID
        self.alreadyInState = alreadyInState
        self.detail = detail
    }
}

/// A failed adapter call, classified so the engine knows whether to retry, stop, or ask a person.
public struct AdapterError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the engine should treat the failure.
    public enum Kind: String, Sendable, Hashable, Codable {
        case retryable, rateLimited, permanent, needsHuman
    }

    public var kind: Kind
    public var message: String
    /// Seconds the system asked us to wait (`Retry-After`).
    public var retryAfter: Double?

    public init(_ kind: Kind, _ message: String, retryAfter: Double? = nil) {
        self.kind = kind
        self.message = message
        self.retryAfter = retryAfter
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
