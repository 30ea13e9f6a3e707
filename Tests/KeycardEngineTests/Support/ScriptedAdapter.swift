import Foundation
import KeycardCore
import Synchronization

/// Every successful side effect across the in-test systems, in the order they happened.
final class CallLog: Sendable {
    private let entries = Mutex<[String]>([])

    func record(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
}

/// An in-test system: ensure semantics by idempotency key, scripted failures per action, a count of real side effects.
final class ScriptedAdapter: SystemAdapter {
    private struct State {
        var calls: [AdapterRequest] = []
        var effects: [String: Int] = [:]
        var script: [String: [AdapterError?]] = [:]
        var gate: [String: Int] = [:]
    }

    let capabilities: SystemCapabilities
    let log: CallLog
    private let state = Mutex(State())

    init(_ capabilities: SystemCapabilities, log: CallLog) {
        self.capabilities = capabilities
        self.log = log
    }

    /// The next calls of `action` fail with these errors, in order (nil = succeed).
    func script(_ action: String, _ outcomes: [AdapterError?]) {
        state.withLock { $0.script[action, default: []] += outcomes }
    }

    var calls: [AdapterRequest] { state.withLock { $0.calls } }

    /// Side effects actually made per idempotency key (ensure semantics keep this at 1).
    var effects: [String: Int] { state.withLock { $0.effects } }

    func perform(_ request: AdapterRequest) async throws(AdapterError) -> AdapterConfirmation {
        let failure: AdapterError? = state.withLock { state in
            state.calls.append(request)
            if var outcomes = state.script[request.action], !outcomes.isEmpty {
                let next = outcomes.removeFirst()
                state.script[request.action] = outcomes
                if let next { return next }
            }
            if state.effects[request.idempotencyKey] == nil { state.effects[request.idempotencyKey] = 1 }
            return nil
        }
        if let failure { throw failure }
        log.record(GrantKey(system: request.system, action: request.action, parameters: request.parameters).description)
        return AdapterConfirmation(confirmationID: "\(request.system)-\(request.idempotencyKey)")
    }
}
