import Foundation

/// What a run will do, before it runs: steps with dependencies, grouped into tiers.
public struct RunPlan: Sendable, Hashable, Codable {
    public var kind: RunKind
    public var employee: Employee
    public var steps: [PlannedStep]
    /// Names of the tiers in order (`identity`, `accounts`, ...), one per tier index.
    public var tierNames: [String]

    public init(kind: RunKind, employee: Employee, steps: [PlannedStep], tierNames: [String]) {
        self.kind = kind
        self.employee = employee
        self.steps = steps
        self.tierNames = tierNames
    }

    /// Step indexes per tier, in plan order.
    public var tiers: [[Int]] {
        var tiers = Array(repeating: [Int](), count: tierNames.count)
        for step in steps where step.tier < tiers.count { tiers[step.tier].append(step.index) }
        return tiers
    }
}
