import Foundation
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

    var organization: String = "Keycard"
    var intake = Intake()

    enum CodingKeys: String, CodingKey {
        case organization, intake
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        organization = try container.decodeIfPresent(String.self, forKey: .organization) ?? "Keycard"
        intake = try container.decodeIfPresent(Intake.self, forKey: .intake) ?? Intake()
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
            return try YAMLDecoder().decode(KeycardConfig.self, from: text)
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
