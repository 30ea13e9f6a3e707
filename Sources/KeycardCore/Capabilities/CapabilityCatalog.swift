/// Every system and action Keycard can provision, as declared by the adapters; policy lint checks against it.
public struct CapabilityCatalog: Sendable, Hashable, Codable {
    public var systems: [String: SystemCapabilities]

    public init(_ systems: [SystemCapabilities]) {
        self.systems = Dictionary(systems.map { ($0.system, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func action(system: String, action: String) -> ActionCapability? {
        systems[system]?.action(action)
    }

    public var systemNames: [String] { systems.keys.sorted() }
}
