import KeycardCore

/// Builds the simulated systems of the catalog from a sandbox configuration, all sharing one sandbox database.
public enum SandboxSystems {
    /// One adapter per catalog system, backed by the sandbox database the configuration names.
    public static func make(
        configuration: SandboxConfiguration, clock: any KeycardClock = SystemClock()
    ) throws -> [any SystemAdapter] {
        try makeSystems(configuration: configuration, clock: clock)
    }

    /// Like `make`, with the concrete type, for callers (tests, the console) that look at the sandbox's store.
    public static func makeSystems(
        configuration: SandboxConfiguration, clock: any KeycardClock = SystemClock(),
        catalog: [SystemCapabilities] = SystemCatalog.declarations
    ) throws -> [SandboxSystem] {
        let problems = configuration.problems(against: CapabilityCatalog(catalog))
        guard problems.isEmpty else { throw SandboxConfigurationError(problems: problems) }
        let store = try SandboxStore.open(path: configuration.database)
        return try catalog.map { capabilities in
            guard let model = SandboxSystemModel.all[capabilities.system] else {
                throw SandboxConfigurationError(problems: ["no sandbox simulation for system '\(capabilities.system)'"])
            }
            return SandboxSystem(
                capabilities: capabilities, model: model, store: store, configuration: configuration, clock: clock)
        }
    }
}
