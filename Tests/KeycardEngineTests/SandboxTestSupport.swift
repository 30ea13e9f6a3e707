import Foundation
import KeycardAdapters
import KeycardCore
import Synchronization

/// A clock whose sleeps return at once, moving its time forward and remembering how long each one was.
final class SandboxRecordingClock: KeycardClock {
    private let state: Mutex<(now: Date, sleeps: [TimeInterval])>

    init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        state = Mutex((start, []))
    }

    var now: Date { state.withLock { $0.now } }
    var sleeps: [TimeInterval] { state.withLock { $0.sleeps } }

    func advance(by seconds: TimeInterval) {
        state.withLock { $0.now = $0.now.addingTimeInterval(seconds) }
    }

    func sleep(until deadline: Date) async throws {
        state.withLock { state in
            state.sleeps.append(deadline.timeIntervalSince(state.now))
            if deadline > state.now { state.now = deadline }
        }
    }
}

/// Sandbox systems by name, with helpers to call them the way the engine does.
struct SandboxHarness {
    let systems: [String: SandboxSystem]
    let clock: SandboxRecordingClock

    init(_ configuration: SandboxConfiguration = SandboxConfiguration(onCrash: .throw)) throws {
        clock = SandboxRecordingClock()
        let list = try SandboxSystems.makeSystems(configuration: configuration, clock: clock)
        systems = Dictionary(uniqueKeysWithValues: list.map { ($0.system, $0) })
    }

    var store: SandboxStore { systems["okta"]!.store }

    static let sarah = Employee(
        id: "emp-001",
        attributes: [
            "email": .string("sarah.chen@example.com"), "first_name": .string("Sarah"), "last_name": .string("Chen"),
            "manager_email": .string("maria.lopez@example.com"),
        ])

    @discardableResult
    func call(
        _ system: String, _ action: String, _ parameters: [String: String] = [:], employee: Employee = sarah,
        key: String? = nil
    ) async throws(AdapterError) -> AdapterConfirmation {
        let request = AdapterRequest(
            system: system, action: action, employee: employee, parameters: parameters,
            idempotencyKey: key ?? "run-1/\(system):\(action)/\(parameters.sorted { $0.key < $1.key })")
        return try await systems[system]!.perform(request)
    }

    /// The error a call fails with, or nil when it succeeds.
    func failure(
        _ system: String, _ action: String, _ parameters: [String: String] = [:], employee: Employee = sarah
    ) async -> AdapterError? {
        do {
            try await call(system, action, parameters, employee: employee)
            return nil
        } catch {
            return error
        }
    }
}
