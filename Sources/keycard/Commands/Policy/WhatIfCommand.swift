import ArgumentParser
import Foundation
import KeycardCore
import KeycardPolicy
import KeycardStore

/// `keycard whatif --policies DIR`: what a changed policy set would add and revoke for every stored employee.
struct WhatIfCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Compare a changed policy set with the current one over every employee: grants added and revoked.")

    @Option(name: .long, help: ArgumentHelp("The proposed policies directory.", valueName: "dir"))
    var policies: String

    @Option(name: .long, help: ArgumentHelp(
        "The current policies (default $KEYCARD_POLICIES, ./policies, else fixtures/demo/policies).", valueName: "dir"))
    var current: String?

    @Option(name: .long, help: ArgumentHelp("Read employees from this JSON file instead of the store.", valueName: "file"))
    var employees: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var currentOptions = PolicyOptions()
        currentOptions.policies = current
        let before = try currentOptions.load()
        let after = try PolicyCLI.load(directory: policies)
        let people = try employees.map(PolicyCLI.employees(file:)) ?? global.openDatabase().employees()
        let report = PolicySet.whatif(current: before, proposed: after, employees: people)
        if global.json {
            try JSONOutput.print(report)
            return
        }
        print("What if \(policies) replaced \(currentOptions.directory): \(report.changes.count) of \(report.employeesCompared) employees change")
        for change in report.changes {
            print("\n\(change.employeeID)  \(change.displayName)")
            for key in change.added { print("  + \(key)") }
            for key in change.revoked { print("  - \(key)") }
        }
        print("\nPer system:")
        for total in report.totals {
            print("  \(total.system.padding(toLength: 12, withPad: " ", startingAt: 0))  +\(total.added)  -\(total.revoked)")
        }
        print("Total: +\(report.totalAdded) grants, -\(report.totalRevoked) grants")
    }
}
