/// One problem `keycard policy lint` reports: severity, a stable code, where, and what to do.
public struct LintFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Errors fail the lint (non-zero exit); warnings are shown only.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    public var severity: Severity
    /// `yaml`, `duplicate-id`, `unknown-attribute`, `unknown-system`, `unknown-action`, `missing-parameter`,
    /// `never-true`, `always-denied`, `unused-bundle`, `empty-policy`.
    public var code: String
    public var file: String
    public var line: Int
    public var policyID: String?
    public var message: String

    public init(severity: Severity, code: String, file: String, line: Int, policyID: String? = nil, message: String) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.policyID = policyID
        self.message = message
    }

    public var description: String {
        "\(file):\(line): \(severity.rawValue) [\(code)] " + (policyID.map { "\($0): " } ?? "") + message
    }
}
