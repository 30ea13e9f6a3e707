import Foundation
import GRDB
import KeycardCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One simulated system (Okta, Slack, ...): real state in the sandbox database, with latency, limits and faults.
public struct SandboxSystem: SystemAdapter {
    public let capabilities: SystemCapabilities
    public let store: SandboxStore
    let model: SandboxSystemModel
    let behavior: SystemBehavior
    let faults: [SandboxFault]
    let limiter: TokenBucket?
    let random: SandboxRandom
    let clock: any KeycardClock
    let seed: UInt64
    let onCrash: SandboxConfiguration.CrashAction

    init(
        capabilities: SystemCapabilities, model: SandboxSystemModel, store: SandboxStore,
        configuration: SandboxConfiguration, clock: any KeycardClock
    ) {
        self.capabilities = capabilities
        self.model = model
        self.store = store
        self.clock = clock
        behavior = configuration.behavior(of: capabilities.system)
        faults = configuration.faults.filter { $0.system == capabilities.system }
        limiter = behavior.rateLimit.map(TokenBucket.init)
        seed = configuration.seed
        random = SandboxRandom(seed: configuration.seed ^ UInt64(truncatingIfNeeded: capabilities.system.hashValueStable))
        onCrash = configuration.onCrash
    }

    public var system: String { capabilities.system }

    /// Tokens left in this system's rate-limit bucket, nil when it has no limit.
    public var rateLimitBudget: Double? { limiter?.available(at: clock.now) }

    public func perform(_ request: AdapterRequest) async throws(AdapterError) -> AdapterConfirmation {
        let operation = try validate(request)
        if let limiter, let wait = limiter.take(at: clock.now) {
            throw AdapterError(.rateLimited, "429 Too Many Requests from \(system)", retryAfter: wait)
        }
        let latency = behavior.latencyMs?.sample(random.unit) ?? 0
        if let timeout = behavior.timeoutMs, latency > timeout {
            try await wait(milliseconds: timeout)
            throw AdapterError(.retryable, "\(system):\(request.action) timed out after \(Int(timeout)) ms")
        }
        try await wait(milliseconds: latency)
        let outcome = try await commit(request, operation: operation, errorRoll: random.unit())
        switch outcome.afterEffect {
        case .none:
            break
        case .some(let fault) where fault.effect == .crash && onCrash == .kill:
            kill(getpid(), SIGKILL)
        case .some(let fault):
            throw fault.effect == .crash
                ? AdapterError(.retryable, "simulated crash after \(system):\(request.action) was applied")
                : fault.adapterError(for: request)
        }
        return try outcome.result.get()
    }

    private func validate(_ request: AdapterRequest) throws(AdapterError) -> SandboxOperation {
        guard request.system == system else {
            throw AdapterError(.permanent, "request for system '\(request.system)' sent to the \(system) sandbox")
        }
        guard let capability = capabilities.action(request.action), let operation = model.operations[request.action] else {
            let known = capabilities.actions.map(\.name).joined(separator: ", ")
            throw AdapterError(.permanent, "\(system) has no action '\(request.action)' (known: \(known))")
        }
        let missing = capability.requiredParameters.filter { (request.parameters[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            throw AdapterError(
                .permanent, "\(system):\(request.action) needs parameter(s) \(missing.joined(separator: ", "))")
        }
        return operation
    }

    private func wait(milliseconds: Double) async throws(AdapterError) {
        guard milliseconds > 0 else { return }
        do {
            try await clock.sleep(until: clock.now.addingTimeInterval(milliseconds / 1000))
        } catch {
            throw AdapterError(.retryable, "\(system) call cancelled while waiting for the response")
        }
    }

    private struct Outcome {
        var result: Result<AdapterConfirmation, AdapterError>
        /// A fault that fires once the side effect is committed.
        var afterEffect: SandboxFault?
    }

    /// Counts the call, applies faults and the error rate, and changes the state, all in one transaction, awaited:
    /// the caller's thread does other work while the store's queue runs it.
    private func commit(
        _ request: AdapterRequest, operation: SandboxOperation, errorRoll: Double
    ) async throws(AdapterError) -> Outcome {
        let effects = SandboxEffects(model: model, request: request, seed: seed, now: clock.now)
        let faults = self.faults
        let errorRate = behavior.errorRate ?? 0
        let system = self.system
        do {
            return try await store.writer.write { db in
                try db.cachedStatement(
                    sql: """
                        INSERT INTO calls (system, action, employee_id, count) VALUES (?, ?, ?, 1)
                        ON CONFLICT (system, action, employee_id) DO UPDATE SET count = count + 1
                        """
                ).execute(arguments: [system, request.action, request.employee.id])
                let fault = try faults.first { fault in
                    guard fault.action.map({ $0 == request.action }) ?? true,
                          fault.employee.map({ $0 == request.employee.id }) ?? true
                    else { return false }
                    return fault.hits(callNumber: try Self.callNumber(of: fault, db))
                }
                if let fault, fault.effect == .none { return Outcome(result: .failure(fault.adapterError(for: request))) }
                if fault == nil, errorRoll < errorRate {
                    return Outcome(result: .failure(AdapterError(.retryable, "503 Service Unavailable from \(system)")))
                }
                do {
                    let confirmation = try effects.apply(operation, in: db)
                    return Outcome(result: .success(confirmation), afterEffect: fault)
                } catch let error as AdapterError {
                    return Outcome(result: .failure(error))
                }
            }
        } catch {
            throw AdapterError(.retryable, "\(system) sandbox database error: \(error)")
        }
    }

    /// How many calls this fault's filter has matched so far, this one included.
    private static func callNumber(of fault: SandboxFault, _ db: Database) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COALESCE(SUM(count), 0) FROM calls
                WHERE system = ? AND (? IS NULL OR action = ?) AND (? IS NULL OR employee_id = ?)
                """,
            arguments: [fault.system, fault.action, fault.action, fault.employee, fault.employee]) ?? 0
    }
}

extension String {
    /// FNV-1a of the UTF-8 bytes: unlike `hashValue`, the same in every process.
    var hashValueStable: UInt64 {
        utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
