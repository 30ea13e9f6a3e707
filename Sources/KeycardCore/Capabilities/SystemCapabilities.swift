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

    public func action(_ name: String) -> ActionCapability? {
        actions.first { $0.name == name }
    }
}
