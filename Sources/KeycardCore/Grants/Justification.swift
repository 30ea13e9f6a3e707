/// Why a grant exists: the policy that gave it, that policy file's version, and the condition that held.
public struct Justification: Sendable, Hashable, Codable {
    public var policyID: String
    /// Content hash of the policy file (`sha256:` + 12 hex digits), so evidence names the exact rule text.
    public var policyVersion: String
    public var condition: String
    public var file: String?

    public init(policyID: String, policyVersion: String, condition: String, file: String? = nil) {
        self.policyID = policyID
        self.policyVersion = policyVersion
        self.condition = condition
        self.file = file
    }
}
