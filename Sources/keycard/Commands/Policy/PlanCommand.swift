import ArgumentParser
import Foundation
import KeycardCore
import KeycardEngine
import KeycardPolicy
import KeycardStore

/// `keycard plan`: a dry run printing the grants an event or a stored employee gets, or the diff for movers and leavers.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Dry run: the grants an HR event (or a stored employee) would give, with the policies behind each.",
        discussion: """
        For employee.hired (or a stored employee) prints the grant list; for employee.updated the \
        grants to add, revoke and keep against the stored employee; for employee.terminated everything to revoke. \
        --json prints the seed's format {"user": EMAIL, "access": [{"system", "action", ...parameters}]} \
        (with "add"/"revoke"/"keep" lists for movers and leavers).
        """)

    @Argument(help: ArgumentHelp("Canonical event JSON file.", valueName: "event.json"))
    var event: String?

    @Option(name: .long, help: ArgumentHelp("Plan for this stored employee instead of an event.", valueName: "id"))
    var employee: String?

    @Flag(help: "Print the engine's plan instead: tiers, steps, dependencies and compensations.")
    var steps = false

    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if (event == nil) == (employee == nil) { throw ValidationError("give an event file or --employee ID (one of them)") }
    }

    func run() async throws {
        let set = try policyOptions.load()
        if let id = employee {
            guard let stored = try global.openDatabase().employee(id: id) else {
                throw CLIError("no stored employee with id \(id) in \(global.databasePath)")
            }
            try printGrants(set.evaluate(stored), for: stored, heading: "stored employee")
            return
        }
        let planned = try PlanEvent.read(event!)
        if planned.eventType == .hired {
            try printGrants(set.evaluate(planned.employee), for: planned.employee, heading: planned.eventType.rawValue)
            return
        }
        let (before, after) = try storedStates(planned)
        switch planned.eventType {
        case .terminated:
            try printDiff(set.leaver(before), for: before, heading: planned.eventType.rawValue)
        default:
            try printDiff(set.diff(before: before, after: after), for: after, heading: planned.eventType.rawValue)
        }
    }

    /// The employee before and after the event: from the store's history when the event was already
    /// applied, else the current stored attributes and those merged with the event's data.
    private func storedStates(_ planned: PlanEvent) throws -> (before: Employee, after: Employee) {
        let id = planned.employeeID
        guard FileManager.default.fileExists(atPath: global.databasePath) else {
            throw CLIError("\(planned.eventType.rawValue) for \(id) needs the employee's stored attributes, "
                + "but \(global.databasePath) does not exist: ingest their events first (keycard ingest) or pass --db")
        }
        let database = try global.openDatabase()
        guard let current = try database.employee(id: id) else {
            throw CLIError("\(planned.eventType.rawValue) for \(id): no stored employee with that id in \(global.databasePath)")
        }
        if let eventID = planned.eventID,
           let change = try database.employeeHistory(id: id).last(where: { $0.eventID == eventID }),
           let before = change.before {
            return (Employee(id: id, attributes: before), Employee(id: id, attributes: change.after))
        }
        return (current, Employee(id: id, attributes: current.attributes.merging(planned.data) { _, new in new }))
    }

    private func user(_ employee: Employee) -> String { employee.email ?? employee.id }

    private func printGrants(_ grants: [Grant], for employee: Employee, heading: String) throws {
        if steps { return try StepPlanPrinter.print(.joiner(employee, grants: grants), json: global.json) }
        if global.json {
            try PlanJSON.print(SeedPlan(user: user(employee), access: grants.map { AccessEntry(key: $0.key) }))
            return
        }
        print("Plan for \(employee.displayName) <\(user(employee))> (\(employee.id)), \(heading): \(grants.count) grants from \(policyOptions.directory)")
        print(PolicyCLI.grantLines(grants).joined(separator: "\n"))
    }

    private func printDiff(_ diff: GrantDiff, for employee: Employee, heading: String) throws {
        if steps {
            let request: PlanRequest = heading == LifecycleEventType.terminated.rawValue
                ? .leaver(employee, currentGrants: diff.revoke)
                : .mover(employee, add: diff.add, revoke: diff.revoke, keep: diff.keep)
            return try StepPlanPrinter.print(request, json: global.json)
        }
        if global.json {
            try PlanJSON.print(SeedDiff(
                user: user(employee), add: diff.add.map { AccessEntry(key: $0.key) },
                revoke: diff.revoke.map { AccessEntry(key: $0.key) }, keep: diff.keep.map { AccessEntry(key: $0.key) }))
            return
        }
        print("Plan for \(employee.displayName) <\(user(employee))> (\(employee.id)), \(heading): "
              + "\(diff.add.count) to add, \(diff.revoke.count) to revoke, \(diff.keep.count) to keep")
        for (title, grants, marker) in [("Add", diff.add, "+"), ("Revoke", diff.revoke, "-"), ("Keep", diff.keep, "=")] where !grants.isEmpty {
            print("\(title):")
            print(PolicyCLI.grantLines(grants, marker: marker).joined(separator: "\n"))
        }
    }
}
