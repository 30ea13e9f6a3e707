import ArgumentParser
import Foundation
import KeycardCore
import KeycardPolicy

/// `keycard policy lint`: static checks of the policy files; exits non-zero on errors.
struct PolicyLintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Find unknown attributes, systems and actions, impossible conditions, duplicates and YAML errors.",
        discussion: "Attributes are checked against the canonical schema and those of the stored employees (--db); "
            + "systems and actions against the capability catalog. Exit code 1 when there is any error.")

    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let known = Set(try PolicyCLI.storedEmployees(global).flatMap(\.attributes.keys))
        let findings = PolicyLinter.lint(directory: policyOptions.directory, catalog: SeedCatalog.catalog, knownAttributes: known)
        let errors = findings.filter { $0.severity == .error }.count
        if global.json {
            try JSONOutput.print(findings)
        } else {
            for finding in findings { print(finding) }
            print("\(policyOptions.directory): \(errors) error(s), \(findings.count - errors) warning(s)")
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
