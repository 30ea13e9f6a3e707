import Foundation
import KeycardAdapters
import KeycardCore
import KeycardEngine
import KeycardPolicy
import KeycardStore
import Logging

/// The composition root: the store, keycard.yaml, the policies, the adapters of the configured mode, and the
/// engine and provisioner over them.
struct KeycardRuntime {
    let config: KeycardConfig
    let database: KeycardDatabase
    let databasePath: String
    let engine: Engine
    /// Nil when no policies directory exists: commands that only look at runs do not need one.
    let policies: PolicySet?
    let policiesPath: String

    /// What the runtime is for: operator commands need no adapters; workers call the systems.
    enum Purpose {
        case operatorCommands
        case worker
    }

    static func open(
        global: GlobalOptions, configPath: String?, purpose: Purpose, owner: String? = nil
    ) throws -> KeycardRuntime {
        try open(global: global, config: try KeycardConfig.load(path: configPath), purpose: purpose, owner: owner)
    }

    static func open(
        global: GlobalOptions, config: KeycardConfig, purpose: Purpose, owner: String? = nil
    ) throws -> KeycardRuntime {
        let database = try global.openDatabase()
        let catalog = SystemCatalog.all
        var adapters: [any SystemAdapter] = []
        if purpose == .worker {
            adapters = try makeAdapters(config: config, databasePath: global.databasePath)
        }
        let policiesPath = config.policies.map(config.resolve) ?? config.resolve("policies")
        let policies = try loadPolicies(policiesPath, required: config.policies != nil)
        let engine = Engine(
            database: database, catalog: catalog, adapters: adapters, configuration: config.engine,
            owner: owner ?? (purpose == .worker ? nil : "cli-\(ProcessInfo.processInfo.processIdentifier)"),
            logger: Logger(label: "keycard.engine"))
        return KeycardRuntime(
            config: config, database: database, databasePath: global.databasePath, engine: engine,
            policies: policies, policiesPath: policiesPath)
    }

    /// The provisioner that turns stored HR changes into runs; it needs the policies.
    func provisioner() throws -> LifecycleProvisioner {
        guard let policies else {
            throw CLIError("no policies at \(policiesPath): set `policies:` in keycard.yaml or create that folder")
        }
        return LifecycleProvisioner(engine: engine, policies: policies)
    }

    private static func makeAdapters(config: KeycardConfig, databasePath: String) throws -> [any SystemAdapter] {
        switch config.mode {
        case .live:
            throw CLIError("mode: live has no live adapters configured yet; use `mode: sandbox` in keycard.yaml")
        case .sandbox:
            var sandbox = config.sandbox
            switch sandbox.database {
            case nil: sandbox.database = Self.sandboxDatabasePath(besides: databasePath)
            case ":memory:": sandbox.database = nil
            default: break
            }
            do {
                return try SandboxSystems.make(configuration: sandbox)
            } catch {
                throw CLIError("sandbox: \(error)")
            }
        }
    }

    /// The sandbox's own SQLite file when the config names none: next to the engine's, as a SaaS's state would be.
    static func sandboxDatabasePath(besides databasePath: String) -> String {
        let base = databasePath.hasSuffix(".sqlite") ? String(databasePath.dropLast(".sqlite".count)) : databasePath
        return base + "-sandbox.sqlite"
    }

    private static func loadPolicies(_ path: String, required: Bool) throws -> PolicySet? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            if required { throw CLIError("policies directory \(path) does not exist") }
            return nil
        }
        do {
            return try PolicySet.load(directory: path)
        } catch {
            throw CLIError("policies in \(path): \(error)")
        }
    }
}
