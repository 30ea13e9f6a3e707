import KeycardCore

/// Turns grants into a plan (pure): implied account steps, dependencies from the catalog, and tiers.
public struct Planner: Sendable {
    public let catalog: CapabilityCatalog

    public init(catalog: CapabilityCatalog) {
        self.catalog = catalog
    }

    public func plan(_ request: PlanRequest) throws(PlanningError) -> RunPlan {
        var builder = PlanBuilder(catalog: catalog, employee: request.employee)
        let keptActions = Set(request.keep.map { ActionRef(system: $0.system, action: $0.action) })
        let addCount = builder.addGrants(request.add, kept: keptActions)
        builder.orderDevicesAndNotifications(addSteps: 0..<addCount)
        if !request.revoke.isEmpty {
            builder.addRevocations(
                request.revoke, expandAccounts: request.kind == .leaver,
                transferOwnership: request.kind == .leaver, after: Array(0..<builder.steps.count))
        }
        if !builder.problems.isEmpty { throw PlanningError(builder.problems) }
        let (tiers, names) = try TierAssigner.assign(builder.steps, stages: builder.stages)
        var steps = builder.steps
        for index in steps.indices {
            steps[index].tier = tiers[index]
            steps[index].dependencies = Array(Set(steps[index].dependencies)).sorted()
        }
        return RunPlan(kind: request.kind, employee: request.employee, steps: steps, tierNames: names)
    }
}

/// `system:action`, the unit requirements name.
struct ActionRef: Hashable {
    var system: String
    var action: String

    /// Parses `system:action`, or `action` meaning an action of `system`.
    init(requirement: String, in system: String) {
        if let colon = requirement.firstIndex(of: ":") {
            self.system = String(requirement[..<colon])
            self.action = String(requirement[requirement.index(after: colon)...])
        } else {
            self.system = system
            self.action = requirement
        }
    }

    init(system: String, action: String) {
        self.system = system
        self.action = action
    }

    var description: String { "\(system):\(action)" }
}
