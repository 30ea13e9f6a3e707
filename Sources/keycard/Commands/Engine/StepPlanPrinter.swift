import Foundation
import KeycardAdapters
import KeycardCore
import KeycardEngine

/// `keycard plan --steps`: the engine's plan for the grants — tiers, steps, dependencies, compensations, due times.
enum StepPlanPrinter {
    static func print(_ request: PlanRequest, json: Bool) throws {
        let plan: RunPlan
        do {
            plan = try Planner(catalog: SystemCatalog.all).plan(request)
        } catch {
            throw CLIError(String(describing: error))
        }
        if json { return try JSONOutput.print(plan) }
        Swift.print(render(plan))
    }

    static func render(_ plan: RunPlan) -> String {
        var lines = ["\(plan.kind.rawValue) plan for \(plan.employee.displayName): \(plan.steps.count) steps in \(plan.tierNames.count) tiers"]
        for (tier, indexes) in plan.tiers.enumerated() {
            lines.append("")
            lines.append("Tier \(tier + 1): \(plan.tierNames[tier])")
            for index in indexes {
                let step = plan.steps[index]
                var line = "  s\(index)  \(step.label)"
                if step.purpose != .grant { line += "  (\(step.purpose.rawValue))" }
                if step.critical { line += "  [critical]" }
                if step.approval != nil { line += "  [needs approval]" }
                lines.append(line)
                var details: [String] = []
                if !step.dependencies.isEmpty { details.append("after " + step.dependencies.map { "s\($0)" }.joined(separator: ", ")) }
                if let undo = step.compensation { details.append("undo: \(undo)") }
                if let due = step.dueAt { details.append("due \(Timestamps.format(due))") }
                if !details.isEmpty { lines.append("      " + details.joined(separator: "; ")) }
            }
        }
        return lines.joined(separator: "\n")
    }
}
