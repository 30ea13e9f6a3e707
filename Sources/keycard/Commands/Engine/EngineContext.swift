import ArgumentParser
import Foundation
import KeycardCore
import KeycardEngine
import KeycardStore

/// Options of the engine commands: the store, who is acting, and the config file with the `engine:` section.
struct EngineOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Config file with an `engine:` section (default ./keycard.yaml or $KEYCARD_CONFIG).", valueName: "path"))
    var config: String?

    /// An engine over the store for commands: it applies them to runs no engine holds, or queues them for the one that does.
    func engine() throws -> Engine {
        try runtime(purpose: .operatorCommands).engine
    }

    /// The store, config, policies and engine; `.worker` also builds the configured adapters.
    func runtime(purpose: KeycardRuntime.Purpose) throws -> KeycardRuntime {
        try KeycardRuntime.open(global: global, configPath: config, purpose: purpose)
    }
}

/// The person running a command, for approvals and the audit trail.
struct ActorOption: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Who is acting (default $USER).", valueName: "who"))
    var actor: String?

    var name: String { actor ?? ProcessInfo.processInfo.environment["USER"] ?? "operator" }
}

enum CommandReport {
    /// Prints what happened to an operator command; a refusal becomes a non-zero exit with its reason.
    static func run(_ what: String, json: Bool, _ body: () async throws(EngineError) -> CommandOutcome) async throws {
        do {
            let outcome = try await body()
            let text: String
            switch outcome {
            case .applied: text = "\(what): done"
            case .queued(let id): text = "\(what): queued as command \(id) for the engine process holding the run"
            }
            if json {
                try JSONOutput.print(["result": text])
            } else {
                print(text)
            }
        } catch {
            throw CLIError("\(what): \(error)")
        }
    }
}
