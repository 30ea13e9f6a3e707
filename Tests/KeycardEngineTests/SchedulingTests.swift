import Foundation
import KeycardCore
import KeycardEngine
import Testing

@Suite("Scheduling")
struct SchedulingTests {
    let settings = ScheduleSettings(
        defaultTimeZone: "UTC",
        locationTimeZones: ["San Francisco": "America/Los_Angeles", "Berlin": "Europe/Berlin"],
        workdayStartHour: 9, terminationHour: 17,
        leadBusinessDays: ["identity": 1, "account": 1, "membership": 1, "notification": 0])

    private func employee(_ attributes: [String: AttributeValue]) -> Employee {
        var employee = Fixtures.sarah
        employee.attributes.merge(attributes) { $1 }
        return employee
    }

    @Test("a Monday start in San Francisco: accounts due the Friday before at 09:00 local, the laptop at once")
    func joinerLeadTimes() throws {
        let plan = try Planner(catalog: Fixtures.catalog).plan(
            .joiner(employee(["start_date": .string("2024-01-15")]), grants: Fixtures.sarahGrants + Fixtures.baseEmployeeGrants))
        let scheduled = DueDates(settings: settings).apply(to: plan)
        let okta = try #require(scheduled.steps.first { $0.label == "okta:create_user" })
        #expect(okta.dueAt == Timestamps.parseInstant("2024-01-12T17:00:00Z"))
        #expect(scheduled.steps.first { $0.system == "jamf" }?.dueAt == nil)
        #expect(scheduled.steps.first { $0.system == "email" }?.dueAt == Timestamps.parseInstant("2024-01-15T17:00:00Z"))
    }

    @Test("a leaver's access ends at the cut-off hour in their own zone, or at once when immediate")
    func leaverCutOff() throws {
        let dates = DueDates(settings: settings)
        #expect(dates.terminationInstant(of: employee(["termination_date": .string("2024-03-01"), "location": .string("Berlin")]))
            == Timestamps.parseInstant("2024-03-01T16:00:00Z"))
        #expect(dates.terminationInstant(of: employee(["termination_date": .string("2024-07-01")]))
            == Timestamps.parseInstant("2024-07-02T00:00:00Z"))
        #expect(dates.terminationInstant(of: employee(["termination_date": .string("2024-03-01T12:30:00Z")]))
            == Timestamps.parseInstant("2024-03-01T12:30:00Z"))
        #expect(dates.terminationInstant(of: employee(["termination_date": .string("2024-03-01"), "immediate": .bool(true)])) == nil)
        let plan = try Planner(catalog: Fixtures.catalog).plan(
            .leaver(employee(["termination_date": .string("2024-03-01"), "location": .string("Berlin")]), currentGrants: Fixtures.sarahGrants))
        #expect(dates.apply(to: plan).steps.allSatisfy { $0.dueAt == Timestamps.parseInstant("2024-03-01T16:00:00Z") })
    }

    @Test("a step due in the future waits; once the clock passes the due time (or the engine starts late) it runs")
    func dueAndOverdue() async throws {
        let clock = ManualClock(Timestamps.parseInstant("2024-03-01T15:00:00Z")!)
        var configuration = Fixtures.fastConfiguration
        configuration.schedule = settings
        let harness = try EngineHarness(configuration: configuration, clock: clock)
        let leaver = employee(["termination_date": .string("2024-03-01"), "location": .string("Berlin")])
        let id = try await harness.engine.submit(.leaver(leaver, currentGrants: [Fixtures.sarahGrants[0]]), requestedBy: "hris")
        await harness.engine.start()
        #expect(try await harness.engine.wait(for: id) { $0 == .scheduled } == .scheduled)
        #expect(harness.log.all.isEmpty)
        clock.advance(by: 3 * 3600)
        #expect(try await harness.engine.wait(for: id) == .succeeded)
        await harness.engine.stop()
        #expect(harness.log.all == ["okta:deactivate_user"])
    }
}
