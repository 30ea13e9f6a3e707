import Foundation

/// One change a simulated system made, as its ledger recorded it.
public struct SandboxSideEffect: Sendable, Hashable, Codable {
    public var sequence: Int64
    public var system: String
    public var action: String
    /// The employee and the action's parameters (`emp-1 group=sales-team`): what was changed.
    public var target: String
    public var employeeID: String
    public var idempotencyKey: String
    public var confirmationID: String
    public var at: Date

    public var key: SideEffectKey { SideEffectKey(system: system, action: action, target: target) }
}

/// What a side effect did to what: two effects with the same key did the same thing twice.
public struct SideEffectKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var system: String
    public var action: String
    public var target: String

    public init(system: String, action: String, target: String) {
        self.system = system
        self.action = action
        self.target = target
    }

    public var description: String { "\(system):\(action) \(target)" }

    public static func < (lhs: SideEffectKey, rhs: SideEffectKey) -> Bool { lhs.description < rhs.description }
}
