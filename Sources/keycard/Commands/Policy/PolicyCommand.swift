import ArgumentParser

/// `keycard policy`: checks on the policy files themselves.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Check the access policies: lint, expectation tests, and data-quality coverage.",
        subcommands: [PolicyLintCommand.self, PolicyTestCommand.self, PolicyCoverageCommand.self])
}
