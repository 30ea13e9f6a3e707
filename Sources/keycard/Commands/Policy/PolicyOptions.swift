import ArgumentParser
import Foundation
import KeycardCore
import KeycardPolicy
import KeycardStore
import KeycardStore

/// `--policies DIR`: where the policy files are (default `$KEYCARD_POLICIES`, `policies/`, else the demo's).
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Policies directory (default $KEYCARD_POLICIES, ./policies, else fixtures/demo/policies).", valueName: "dir"))
    var policies: String?

    var directory: String {
        if let policies { return policies }
        if let fromEnvironment = ProcessInfo.processInfo.environment["KEYCARD_POLICIES"] { return fromEnvironment }
        if FileManager.default.fileExists(atPath: "policies") { return "policies" }
        return "fixtures/demo/policies"
    }

    /// Loads the policy set, turning load problems into one readable error.
    func load() throws -> PolicySet {
        try PolicyCLI.load(directory: directory)
    }
}
