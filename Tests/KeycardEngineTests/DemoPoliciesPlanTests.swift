import Foundation
import KeycardAdapters
import KeycardCore
import KeycardEngine
import KeycardPolicy
import KeycardTestSupport
import Testing

/// The demo policies and the sandbox catalog speak the same vocabulary: every demo hire plans.
@Suite("Demo policies plan against the system catalog")
struct DemoPoliciesPlanTests {
    private struct HireFile: Decodable {
        var event_type: String
        var data: [String: AttributeValue]
    }

    private static func hires() throws -> [(file: String, employee: Employee)] {
        try FixturePaths.files(in: "events").compactMap { url in
            let event = try JSONDecoder().decode(HireFile.self, from: Data(contentsOf: url))
            guard event.event_type == "employee.hired", case .string(let id)? = event.data["employee_id"] else { return nil }
            return (url.lastPathComponent, Employee(id: id, attributes: event.data))
        }
    }

    private static func policies() throws -> PolicySet {
        try PolicySet.load(directory: FixturePaths.fixture("demo/policies").path)
    }

    @Test("every hire in fixtures/events gets grants from the demo policies that plan as a joiner run")
    func everyHirePlans() throws {
        let hires = try Self.hires()
        let policies = try Self.policies()
        #expect(hires.count >= 3)
        let planner = Planner(catalog: SystemCatalog.all)
        for (file, employee) in hires {
            let grants = policies.evaluate(employee)
            #expect(!grants.isEmpty, "\(file): no grants")
            for grant in grants {
                #expect(
                    SystemCatalog.all.action(system: grant.system, action: grant.action) != nil,
                    "\(file): \(grant.key) is not in the catalog")
            }
            do {
                let plan = try planner.plan(.joiner(employee, grants: grants))
                #expect(plan.steps.count >= grants.count, "\(file)")
            } catch {
                Issue.record("\(file): \(error)")
            }
        }
    }

    @Test("the same grants taken away again plan as a leaver run")
    func everyHireCanLeave() throws {
        let policies = try Self.policies()
        let planner = Planner(catalog: SystemCatalog.all)
        for (file, employee) in try Self.hires() {
            do {
                let plan = try planner.plan(.leaver(employee, currentGrants: policies.evaluate(employee)))
                #expect(!plan.steps.isEmpty, "\(file)")
            } catch {
                Issue.record("\(file): \(error)")
            }
        }
    }
}
