import Foundation
import KeycardCore
@testable import KeycardStore
import Testing

/// The JSON columns of a new run written without `JSONEncoder` read back as what was written.
@Suite("Run columns")
struct RunColumnTests {
    @Test(arguments: [
        Employee(id: "E1", attributes: [:]),
        Employee(id: "E2", attributes: [
            "email": .string("ana@example.com"), "start_date": .string("2026-01-15"), "level": .int(-3),
            "remote": .bool(true), "manager_email": .null, "teams": .list([.string("a/b"), .int(2), .list([.bool(false)])]),
        ]),
        Employee(id: "quote\"back\\slash\u{01}é😀", attributes: ["Zeta": .string("tab\t"), "alpha": .string("\u{1F}")]),
        Employee(id: "E4", attributes: ["fte": .double(0.5), "email": .string("d@example.com")]),
    ])
    func employeeReadsBack(employee: Employee) throws {
        let column = try EmployeeColumn.encode(employee)
        #expect(try JSONColumn.decode(Employee.self, from: column) == employee)
    }

    @Test func plainEmployeeIsWrittenAsJSONEncoderWritesIt() throws {
        let employee = Employee(id: "H00001", attributes: [
            "email": .string("h00001@company.com"), "department": .string("Sales"), "level": .int(4), "remote": .bool(false),
        ])
        #expect(try EmployeeColumn.encode(employee) == JSONColumn.encode(employee))
    }

    @Test func derivedIDsAreRecognisedExactly() {
        let run = RunID("run-20260115T090000-0000002a")
        func step(_ index: Int, id: String? = nil, key: String? = nil, dependencies: [String] = []) -> Step {
            let derived = StepID(run: run, index: index).rawValue
            return Step(
                id: StepID(id ?? derived), runID: run, index: index, system: "okta", action: "create_user",
                parameters: [:], kind: .account, purpose: .grant, tier: 0, dependencies: dependencies.map { StepID($0) },
                compensation: nil, critical: false, approval: nil, justifications: [], state: .pending, dueAt: nil,
                maxAttempts: 3, idempotencyKey: key ?? id ?? derived)
        }
        let first = step(0)
        #expect(StepColumns.idsAreDerived([first, step(12, dependencies: [first.id.rawValue])]))
        #expect(!StepColumns.idsAreDerived([first, step(1, id: "\(run.rawValue)/s01")]))
        #expect(!StepColumns.idsAreDerived([first, step(1, id: "\(run.rawValue)/s2")]))
        #expect(!StepColumns.idsAreDerived([first, step(1, id: "\(run.rawValue)/s1x")]))
        #expect(!StepColumns.idsAreDerived([first, step(1, key: "carried-over")]))
        #expect(!StepColumns.idsAreDerived([first, step(1, dependencies: ["\(run.rawValue)/s7"])]))
        #expect(!StepColumns.idsAreDerived([first, step(1, dependencies: ["run-other/s0"])]))
    }
}
