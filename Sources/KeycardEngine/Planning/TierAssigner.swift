import KeycardCore

/// Orders a plan's steps into tiers: a step's tier is after every tier of its dependencies and never before its stage.
enum TierAssigner {
    /// Tier index per step and a name per tier; throws the cycle when the dependencies have one.
    static func assign(_ steps: [PlannedStep], stages: [PlanStage]) throws(PlanningError) -> (tiers: [Int], names: [String]) {
        let order = try topologicalOrder(steps)
        // Stages are 1000 apart so a chain of steps inside one stage gets tiers of its own within the stage.
        var raw = Array(repeating: 0, count: steps.count)
        for index in order {
            let floor = stages[index].rawValue * 1000
            let afterDependencies = steps[index].dependencies.map { raw[$0] + 1 }.max() ?? 0
            raw[index] = max(floor, afterDependencies)
        }
        let distinct = Array(Set(raw)).sorted()
        let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        var names: [String] = []
        var seen: [Int: Int] = [:]
        for value in distinct {
            let stage = PlanStage(rawValue: min(value / 1000, PlanStage.allCases.count - 1)) ?? .identity
            seen[stage.rawValue, default: 0] += 1
            let count = seen[stage.rawValue]!
            names.append(count == 1 ? stage.name : "\(stage.name) \(count)")
        }
        return (raw.map { position[$0]! }, names)
    }

    /// Kahn's algorithm in plan order; the steps left over form at least one cycle, which is reported.
    static func topologicalOrder(_ steps: [PlannedStep]) throws(PlanningError) -> [Int] {
        var indegree = steps.map { Set($0.dependencies).count }
        var dependants = Array(repeating: [Int](), count: steps.count)
        for step in steps {
            for dependency in Set(step.dependencies) { dependants[dependency].append(step.index) }
        }
        var ready = steps.indices.filter { indegree[$0] == 0 }
        var order: [Int] = []
        while !ready.isEmpty {
            let next = ready.removeFirst()
            order.append(next)
            for dependant in dependants[next].sorted() {
                indegree[dependant] -= 1
                if indegree[dependant] == 0 { ready.append(dependant) }
            }
        }
        guard order.count == steps.count else {
            throw PlanningError([.cycle(findCycle(steps, among: Set(steps.indices).subtracting(order)))])
        }
        return order
    }

    private static func findCycle(_ steps: [PlannedStep], among remaining: Set<Int>) -> [String] {
        guard var current = remaining.min() else { return [] }
        var path: [Int] = []
        var positions: [Int: Int] = [:]
        while positions[current] == nil {
            positions[current] = path.count
            path.append(current)
            guard let next = steps[current].dependencies.filter({ remaining.contains($0) }).min() else { break }
            current = next
        }
        let start = positions[current] ?? 0
        let cycle = Array(path[start...]) + [current]
        return cycle.map { steps[$0].label }
    }
}
