import KeycardCore

/// A scripted failure: which calls it hits (`call: 2` = the 2nd, `times: 3` = the first 3, neither = all),
/// what error they get, and whether the side effect happens first (`effect: applied` or `crash`).
public struct SandboxFault: Sendable, Hashable, Codable {
    /// What happens to the side effect of a faulted call.
    public enum Effect: String, Sendable, Hashable, Codable {
        /// The call fails before changing anything.
        case none
        /// The side effect is committed, then the call fails (a timeout after the system did the work).
        case applied
        /// The side effect is committed, then the process dies (or the call throws, per `on_crash`).
        case crash
    }

    /// The error a faulted call reports.
    public enum Failure: String, Sendable, Hashable, Codable {
        case retryable, permanent, timeout
        case rateLimited = "rate_limited"
        case needsHuman = "needs_human"
    }

    public var system: String
    /// Only this action; nil matches every action of the system.
    public var action: String?
    /// Only calls for this employee id; nil matches everybody.
    public var employee: String?
    /// Only the Nth matching call (1-based).
    public var call: Int?
    /// The first N matching calls ("fail N times, then succeed").
    public var times: Int?
    public var error: Failure
    public var effect: Effect
    public var message: String?
    /// Seconds for `Retry-After` when `error` is `rate_limited`.
    public var retryAfter: Double?

    public init(
        system: String, action: String? = nil, employee: String? = nil, call: Int? = nil, times: Int? = nil,
        error: Failure = .retryable, effect: Effect = .none, message: String? = nil, retryAfter: Double? = nil
    ) {
        self.system = system
        self.action = action
        self.employee = employee
        self.call = call
        self.times = times
        self.error = error
        self.effect = effect
        self.message = message
        self.retryAfter = retryAfter
    }

    /// Whether the call numbered `callNumber` among this fault's matching calls is hit.
    func hits(callNumber: Int) -> Bool {
        if let call { return callNumber == call }
        if let times { return callNumber <= times }
        return true
    }

    func adapterError(for request: AdapterRequest) -> AdapterError {
        let text = message ?? "scripted \(error.rawValue) fault on \(system):\(request.action)"
        switch error {
        case .retryable: return AdapterError(.retryable, text)
        case .permanent: return AdapterError(.permanent, text)
        case .needsHuman: return AdapterError(.needsHuman, text)
        case .timeout: return AdapterError(.retryable, message ?? "\(system):\(request.action) timed out (scripted)")
        case .rateLimited: return AdapterError(.rateLimited, "429 Too Many Requests (scripted)", retryAfter: retryAfter ?? 1)
        }
    }

    static let keys = ["system", "action", "employee", "call", "times", "error", "effect", "message", "retry_after"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ConfigurationKey.self)
        try container.rejectUnknownKeys(Self.keys)
        guard let system = try container.value(String.self, "system") else {
            throw DecodingError.keyNotFound(
                ConfigurationKey("system"),
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "a fault needs `system`"))
        }
        self.init(
            system: system, action: try container.value(String.self, "action"),
            employee: try container.value(String.self, "employee"), call: try container.value(Int.self, "call"),
            times: try container.value(Int.self, "times"), error: try container.value(Failure.self, "error") ?? .retryable,
            effect: try container.value(Effect.self, "effect") ?? .none,
            message: try container.value(String.self, "message"),
            retryAfter: try container.value(Double.self, "retry_after"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ConfigurationKey.self)
        try container.encode(system, "system")
        try container.encode(action, "action")
        try container.encode(employee, "employee")
        try container.encode(call, "call")
        try container.encode(times, "times")
        try container.encode(error, "error")
        try container.encode(effect, "effect")
        try container.encode(message, "message")
        try container.encode(retryAfter, "retry_after")
    }
}
