import Foundation
import KeycardAdapters
import KeycardEngine
import KeycardIntake
import Yams

/// `keycard.yaml`: the organisation, where secrets come from, and how each layer is tuned.
struct KeycardConfig: Decodable {
    /// Intake settings: where each webhook source's secret is read from, and the body limit.
    struct Intake: Decodable {
        /// Where one source's secret lives: an environment variable or a file (never the secret itself).
        struct SourceSecret: Decodable {
            var secretEnv: String?
            var secretFile: String?

            enum CodingKeys: String, CodingKey {
                case secretEnv = "secret_env"
                case secretFile = "secret_file"
            }
        }

        var sources: [String: SourceSecret] = [:]
        var maxBodyBytes: Int?

        enum CodingKeys: String, CodingKey {
            case sources
            case maxBodyBytes = "max_body_bytes"
        }
    }

    /// Which adapters runs call: the simulated systems of `sandbox:`, or the vendors' real APIs.
    enum Mode: String, Decodable {
        case sandbox, live
    }

    var organization: String = "Keycard"
    var mode: Mode = .sandbox
    /// The policies directory; relative paths are relative to the config file's folder.
    var policies: String?
    var intake = Intake()
    var engine = EngineConfiguration()
    var sandbox = SandboxConfiguration()
    /// The folder of the file this was read from: where relative paths in it start.
    var directory = "."

    enum CodingKeys: String, CodingKey, CaseIterable {
        case organization, mode, policies, intake, engine, sandbox
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let unknown = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
            .filter { CodingKeys(rawValue: $0) == nil }
        if let key = unknown.first {
            let known = CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(
                codingPath: [AnyKey(stringValue: key)], debugDescription: "unknown key '\(key)' (known: \(known))"))
        }
        organization = try container.decodeIfPresent(String.self, forKey: .organization) ?? "Keycard"
        mode = try container.decodeIfPresent(Mode.self, forKey: .mode) ?? .sandbox
        policies = try container.decodeIfPresent(String.self, forKey: .policies)
        intake = try container.decodeIfPresent(Intake.self, forKey: .intake) ?? Intake()
        engine = try container.decodeIfPresent(EngineConfiguration.self, forKey: .engine) ?? EngineConfiguration()
        sandbox = try container.decodeIfPresent(SandboxConfiguration.self, forKey: .sandbox) ?? SandboxConfiguration()
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A path from the config file, made absolute against the file's folder.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// Loads a config file; a missing default file gives the defaults, a bad one names the problem.
    static func load(path: String?) throws -> KeycardConfig {
        let file = path ?? ProcessInfo.processInfo.environment["KEYCARD_CONFIG"] ?? "keycard.yaml"
        guard FileManager.default.fileExists(atPath: file) else {
            if path != nil { throw CLIError("config file not found: \(file)") }
            return KeycardConfig()
        }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        do {
            var config = try YAMLDecoder().decode(KeycardConfig.self, from: text)
            config.directory = (file as NSString).deletingLastPathComponent.isEmpty ? "." : (file as NSString).deletingLastPathComponent
            if let database = config.sandbox.database, database != ":memory:" {
                config.sandbox.database = config.resolve(database)
            }
            return config
        } catch let error as DecodingError {
            throw CLIError("config \(file): \(ConfigErrorText.describe(error))")
        } catch {
            throw CLIError("config \(file): \(error)")
        }
    }

    /// Each source's secret: the config's variable or file, else `KEYCARD_WEBHOOK_SECRET_<SOURCE>[_FILE]`.
    func webhookSecrets(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> WebhookSecrets {
        var secrets = WebhookSecrets.fromEnvironment(environment)
        for (name, setting) in intake.sources {
            guard let source = IntakeSource(rawValue: name) else {
                throw CLIError("config intake.sources.\(name): \(IntakeError.unknownSource(name).description)")
            }
            if let file = setting.secretFile {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw CLIError("config intake.sources.\(name).secret_file: cannot read \(file)")
                }
                secrets.set(text.trimmingCharacters(in: .whitespacesAndNewlines), for: source)
            } else if let variable = setting.secretEnv {
                guard let value = environment[variable], !value.isEmpty else {
                    throw CLIError("config intake.sources.\(name).secret_env: environment variable \(variable) is not set")
                }
                secrets.set(value, for: source)
            }
        }
        return secrets
    }
}
