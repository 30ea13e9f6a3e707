/// One entry of the binding table: keys, what they do, where, and how they show up in hints and help.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [KeyPress]
    /// How the keys are shown (`j/↓`).
    public var label: String
    public var description: String
    /// Views where the binding acts; empty means everywhere.
    public var scopes: [ViewKind]
    /// Shown in the hint line (help and docs always list it).
    public var visibleInHints: Bool
    /// Asks for confirmation before acting.
    public var dangerous: Bool
    /// Changes something; `--readonly` removes it.
    public var mutates: Bool
    public var action: ConsoleAction

    public init(
        _ keys: [KeyPress], label: String? = nil, _ description: String, scopes: [ViewKind] = [], hint: Bool = true,
        dangerous: Bool = false, mutates: Bool = false, action: ConsoleAction
    ) {
        self.keys = keys
        self.label = label ?? keys.map(\.label).joined(separator: "/")
        self.description = description
        self.scopes = scopes
        self.visibleInHints = hint
        self.dangerous = dangerous
        self.mutates = mutates
        self.action = action
    }

    public var isGlobal: Bool { scopes.isEmpty }

    public func applies(to kind: ViewKind) -> Bool {
        scopes.isEmpty || scopes.contains(kind)
    }

    /// Why the binding cannot act in this state, or `nil` when it can.
    public func disabledReason(in state: ConsoleState) -> String? {
        mutates && state.readOnly ? "read-only console (--readonly)" : nil
    }
}
