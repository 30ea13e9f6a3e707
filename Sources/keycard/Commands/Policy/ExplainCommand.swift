import ArgumentParser
import Foundation
import KeycardCore
import KeycardPolicy
import KeycardStore

/// `keycard explain EMPLOYEE GRANT`: which policies give a grant, would give it, or deny it, clause by clause.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why an employee has (or lacks) a grant: the policies, the deny rules, each sub-condition's value.",
        discussion: "GRANT is system:action [key=value ...]; missing parameters match every grant of that action.")

    @Argument(help: ArgumentHelp("Stored employee id, or a canonical event JSON file.", valueName: "employee"))
    var employee: String

    @Argument(help: ArgumentHelp("The grant, e.g. salesforce:create_user profile=sales-engineer.", valueName: "grant"))
    var grant: [String]

    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let set = try policyOptions.load()
        let person = try resolveEmployee()
        let pattern = try PolicyCLI.grantPattern(grant)
        var keys = set.grantKeys.filter { key in
            key.system == pattern.system && key.action == pattern.action
                && pattern.parameters.allSatisfy { key.parameters[$0.key] == $0.value }
        }
        if keys.isEmpty { keys = [pattern] }
        let explanations = keys.map { set.explain(person, $0) }
        if global.json {
            try JSONOutput.print(explanations)
        } else {
            print(explanations.map(\.description).joined(separator: "\n\n"))
        }
    }

    private func resolveEmployee() throws -> Employee {
        if employee.hasSuffix(".json"), FileManager.default.fileExists(atPath: employee) {
            return try PlanEvent.read(employee).employee
        }
        guard let stored = try global.openDatabase().employee(id: employee) else {
            throw CLIError("no stored employee with id \(employee) in \(global.databasePath) (or give an event .json file)")
        }
        return stored
    }
}
