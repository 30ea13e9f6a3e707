import ArgumentParser
import Foundation
import KeycardCore
import KeycardPolicy
import KeycardStore

/// `keycard policy coverage`: employees no role or department policy matches, and attribute values no policy mentions.
struct PolicyCoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Data quality: employees with only base access, and attribute values no policy mentions.")

    @Option(name: .long, help: ArgumentHelp("Read employees from this JSON file instead of the store.", valueName: "file"))
    var employees: String?

    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let set = try policyOptions.load()
        let people = try employees.map(PolicyCLI.employees(file:)) ?? global.openDatabase().employees()
        let report = set.coverage(employees: people)
        if global.json {
            try JSONOutput.print(report)
            return
        }
        print("\(report.employeesChecked) employees checked against \(policyOptions.directory)")
        print("\nEmployees matched by no role or department policy: \(report.uncovered.count)")
        for person in report.uncovered {
            print("  \(person.employeeID)  \(person.displayName)  department=\(person.department ?? "-")  job_title=\(person.jobTitle ?? "-")")
        }
        print("\nAttribute values no policy mentions: \(report.unmentionedValues.count)")
        for value in report.unmentionedValues {
            let hint = value.similarTo.map { "   (looks like \"\($0)\")" } ?? ""
            print("  \(value.attribute) = \"\(value.value)\"  (\(value.employees) employee(s))\(hint)")
        }
    }
}
