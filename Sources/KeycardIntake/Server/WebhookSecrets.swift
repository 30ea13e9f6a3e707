import Foundation

/// The shared secret of each webhook source, read from the environment or a file, never from the repo.
public struct WebhookSecrets: Sendable {
    private var secrets: [IntakeSource: String]

    public init(_ secrets: [IntakeSource: String] = [:]) {
        self.secrets = secrets
    }

    public func secret(for source: IntakeSource) -> String? {
        secrets[source]
    }

    public mutating func set(_ secret: String, for source: IntakeSource) {
        secrets[source] = secret
    }

    /// The environment variable read for a source when no config names one: `KEYCARD_WEBHOOK_SECRET_BAMBOOHR`.
    public static func defaultVariable(for source: IntakeSource) -> String {
        "KEYCARD_WEBHOOK_SECRET_" + source.rawValue.uppercased()
    }

    /// Reads each source's secret from `<name>_FILE` (a path) or the variable itself.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> WebhookSecrets {
        var result = WebhookSecrets()
        for source in IntakeSource.allCases {
            let variable = defaultVariable(for: source)
            if let path = environment[variable + "_FILE"],
               let text = try? String(contentsOfFile: path, encoding: .utf8) {
                result.set(text.trimmingCharacters(in: .whitespacesAndNewlines), for: source)
            } else if let value = environment[variable], !value.isEmpty {
                result.set(value, for: source)
            }
        }
        return result
    }
}
