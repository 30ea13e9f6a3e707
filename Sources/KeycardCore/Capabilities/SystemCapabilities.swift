/// The actions one system declares: the unit of the capability catalog.
public struct SystemCapabilities: Sendable, Hashable, Codable {
    public var system: String
    public var displayName: String
    public var actions: [ActionCapability]

    public init(system: String, displayName: String, actions: [ActionCapability]) {
        self.system = system
        self.displayName = displayName
        self.actions = actions
    }

    // By index, not `actions.first { }`: the closure form copied every action it passed over (the planner looks
    // actions up several times per step).
    public func action(_ name: String) -> ActionCapability? {
        for index in actions.indices where actions[index].name == name { return actions[index] }
        return nil
    }
}
