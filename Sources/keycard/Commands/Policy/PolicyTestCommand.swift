import ArgumentParser
import Foundation
import KeycardPolicy

/// `keycard policy test`: runs expectation files against the policies; prints a diff for each failure.
struct PolicyTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run policy expectation files (employee attributes → expected grants) against the policies.")

    @Option(name: .long, help: ArgumentHelp(
        "Expectation files directory (default: policy-tests next to the policies directory).", valueName: "dir"))
    var tests: String?

    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let set = try policyOptions.load()
        let directory = tests ?? URL(fileURLWithPath: policyOptions.directory).standardizedFileURL
            .deletingLastPathComponent().appendingPathComponent("policy-tests").path
        let expectations: [PolicyExpectation]
        do {
            expectations = try PolicyExpectationParser.load(directory: directory)
        } catch {
            throw CLIError("expectations in \(directory):\n\(error.description)")
        }
        let results = set.run(expectations)
        let failed = results.filter { !$0.passed }.count
        if global.json {
            try JSONOutput.print(results)
        } else {
            for result in results { print(result) }
            print("\(results.count) expectation(s): \(results.count - failed) passed, \(failed) failed")
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
