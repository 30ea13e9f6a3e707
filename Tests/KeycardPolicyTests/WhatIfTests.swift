import Foundation
import KeycardCore
import KeycardPolicy
import Testing

@Suite("What-if and coverage")
struct WhatIfTests {
    let current = """
    - id: base
      when: "true"
      grants: [ { system: okta, action: create_user } ]
    - id: sales
      when: employee.department == "Sales"
      grants: [ { system: slack, action: add_to_channel, channel: "#sales" } ]
    """
    let proposed = """
    - id: base
      when: "true"
      grants: [ { system: okta, action: create_user } ]
    - id: sales
      when: employee.department in ["Sales", "Sales Ops"]
      grants: [ { system: salesforce, action: create_user, profile: standard } ]
    """

    var employees: [Employee] {
        [PolicyFixtures.employee("E1", ["department": .string("Sales")]),
         PolicyFixtures.employee("E2", ["department": .string("Sales Ops")]),
         PolicyFixtures.employee("E3", ["department": .string("HR")]),
         PolicyFixtures.employee("E4", ["department": .string("sales ")])]
    }

    @Test("per employee added and revoked, with totals per system")
    func whatif() throws {
        let report = PolicySet.whatif(
            current: try PolicyFixtures.set(["p.yaml": current]), proposed: try PolicyFixtures.set(["p.yaml": proposed]),
            employees: employees)
        #expect(report.employeesCompared == 4)
        #expect(report.changes.map(\.employeeID) == ["E1", "E2"])
        #expect(report.changes[0].added.map(\.description) == ["salesforce:create_user profile=standard"])
        #expect(report.changes[0].revoked.map(\.description) == ["slack:add_to_channel channel=#sales"])
        #expect(report.changes[1].revoked.isEmpty)
        #expect(report.totals.map(\.system) == ["salesforce", "slack"])
        #expect(report.totalAdded == 2 && report.totalRevoked == 1)
    }

    @Test("coverage finds employees without a department or role policy and values spelled another way")
    func coverage() throws {
        let report = try PolicyFixtures.set(["p.yaml": current]).coverage(employees: employees)
        #expect(report.uncovered.map(\.employeeID) == ["E2", "E3", "E4"])
        let values = report.unmentionedValues.map { "\($0.attribute)=\($0.value)" }
        #expect(values == ["department=HR", "department=Sales Ops", "department=sales "])
        #expect(report.unmentionedValues.first { $0.value == "sales " }?.similarTo == "Sales")
        #expect(report.unmentionedValues.first { $0.value == "HR" }?.similarTo == nil)
    }
}

extension WhatIfTests {
    @Test("what-if agrees with the per-employee diff when the proposed set reorders and changes grants")
    func agreesWithDiff() throws {
        let current = try PolicyFixtures.demoSet()
        var files = try PolicySet.readFiles(directory: PolicyFixtures.demoPolicies)
        files.reverse()
        files = files.map { ($0.path, $0.text.replacingOccurrences(of: "\"Sales\"", with: "\"Engineering\"")) }
        let proposed = try PolicySet(files: files)
        var people: [Employee] = []
        for department in ["Sales", "Engineering", "Marketing"] {
            for type in ["full_time", "contractor"] {
                people.append(PolicyFixtures.employee("\(department)-\(type)", [
                    "department": .string(department), "employment_type": .string(type),
                    "job_title": .string("Sales Engineer"), "start_date": .string("2024-01-01"),
                ]))
            }
        }
        let report = PolicySet.whatif(current: current, proposed: proposed, employees: people)
        for person in people {
            let diff = GrantDiff(before: current.evaluate(person), after: proposed.evaluate(person))
            let change = report.changes.first { $0.employeeID == person.id }
            #expect(Set(change?.added ?? []) == Set(diff.add.map(\.key)), "\(person.id)")
            #expect(Set(change?.revoked ?? []) == Set(diff.revoke.map(\.key)), "\(person.id)")
        }
        #expect(!report.changes.isEmpty)
    }
}
