import ArgumentParser
import Foundation
import KeycardAdapters
import KeycardCore
import KeycardEngine
import KeycardStore
import Yams

/// Options of the engine commands: the store, who is acting, and the config file with the `engine:` section.
struct EngineOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Config file with an `engine:` section (default ./keycard.yaml or $KEYCARD_CONFIG).", valueName: "path"))
    var config: String?

    /// An engine over the store for commands: it applies them to runs no engine holds, or queues them for the one that does.
    func engine() throws -> Engine {
        let database = try global.openDatabase()
        return Engine(
            database: database, catalog: SystemCatalog.all, adapters: [], configuration: try configuration(),
            owner: "cli-\(ProcessInfo.processInfo.processIdentifier)")
    }

    func configuration() throws -> EngineConfiguration {
        let path = config ?? ProcessInfo.processInfo.environment["KEYCARD_CONFIG"] ?? "./keycard.yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            if config != nil { throw CLIError("config file \(path) does not exist") }
            return EngineConfiguration()
        }
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return try YAMLDecoder().decode(EngineSection.self, from: text).engine ?? EngineConfiguration()
        } catch {
            throw CLIError("\(path): the engine section is invalid: \(error)")
        }
    }

    private struct EngineSection: Decodable {
        var engine: EngineConfiguration?
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
