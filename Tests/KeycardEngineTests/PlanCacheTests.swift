import Foundation
import KeycardCore
@testable import KeycardEngine
import Testing

/// A plan made once per set of grants serves every employee with them, exactly as planning anew would.
@Suite("Plan cache")
struct PlanCacheTests {
    private let planner = Planner(catalog: Fixtures.catalog)

    private func employee(_ id: String, manager: String) -> Employee {
        var employee = Fixtures.sarah
        employee.id = id
        employee.attributes["employee_id"] = .string(id)
        employee.attributes["manager_email"] = .string(manager)
        return employee
    }

    @Test("joiners, movers and leavers get from the cache the plan the planner makes for them")
    func cachedPlansEqualFreshOnes() throws {
        let cache = PlanCache()
        let ana = employee("E1", manager: "dana@company.com")
        let ben = employee("E2", manager: "eve@company.com")
        let grants = Fixtures.sarahGrants + Fixtures.baseEmployeeGrants
        let requests: [PlanRequest] = [
            .joiner(ana, grants: grants), .joiner(ben, grants: grants),
            .mover(ana, add: [grants[6]], revoke: [grants[1]], keep: [grants[0]]),
            .mover(ben, add: [grants[6]], revoke: [grants[1]], keep: [grants[0]]),
            .leaver(ana, currentGrants: grants), .leaver(ben, currentGrants: grants),
        ]
        for request in requests + requests {
            let cached = try cache.plan(request, with: planner)
            #expect(cached == (try planner.plan(request)))
            #expect(cached.employee == request.employee)
        }
        #expect(cache.count == 4, "one plan per joiner and mover grant set, one per leaver's manager")
        let transfers = try [ana, ben].map { person in
            try cache.plan(.leaver(person, currentGrants: grants), with: planner).steps
                .filter { $0.action == "transfer_ownership" }.map { $0.parameters["to"] }
        }
        #expect(transfers == [["dana@company.com"], ["eve@company.com"]])
    }

    @Test("a request that cannot be planned throws every time and is not kept; a full cache starts afresh")
    func errorsAndCapacity() throws {
        let cache = PlanCache(capacity: 2)
        let unknown = PlanRequest.joiner(Fixtures.sarah, grants: [Grant(system: "okta", action: "teleport")])
        for _ in 0..<2 {
            #expect(throws: PlanningError.self) { try cache.plan(unknown, with: planner) }
        }
        #expect(cache.count == 0)
        for grant in Fixtures.sarahGrants.prefix(3) {
            let request = PlanRequest.joiner(Fixtures.sarah, grants: [grant])
            #expect(try cache.plan(request, with: planner) == (try planner.plan(request)))
        }
        #expect(cache.count == 1)
    }
}
