import Foundation
import KeycardCore

/// A run as text: header, one block per tier, then the timeline of attempts (like the seed's trace).
struct RunDetailView {
    var detail: RunDetail

    func render() -> String {
        let run = detail.run
        var lines = [
            "\(run.id)  \(run.kind.rawValue) \(run.employee.displayName) (\(run.employee.id))  \(run.state.rawValue)",
            "requested by \(run.requestedBy)\(run.eventID.map { ", event \($0)" } ?? ""); created \(Timestamps.format(run.createdAt))"
                + (run.startedAt.map { ", started \(Timestamps.format($0))" } ?? "")
                + (run.finishedAt.map { ", finished \(Timestamps.format($0))" } ?? ""),
        ]
        if let reason = run.reason { lines.append("reason: \(reason)") }
        for (tier, steps) in detail.tiers.enumerated() {
            let name = run.tierNames.indices.contains(tier) ? run.tierNames[tier] : "tier \(tier + 1)"
            lines.append("")
            lines.append("Tier \(tier + 1): \(name)")
            for step in steps {
                var line = "  \(step.id)  \(step.state.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(step.label)"
                if step.attempts > 1 { line += "  (\(step.attempts) attempts)" }
                if step.critical { line += "  [critical]" }
                lines.append(line)
                if let error = step.error { lines.append("      error: \(error)") }
                if let reason = step.skipReason { lines.append("      skipped: \(reason)") }
                if let approval = detail.approvals.first(where: { $0.stepID == step.id }) {
                    let decisions = approval.decisions.map { "\($0.approved ? "approved" : "denied") by \($0.by) (\($0.reason))" }
                    lines.append("      approval \(approval.status.rawValue), expires \(Timestamps.format(approval.expiresAt))"
                        + (decisions.isEmpty ? "" : ": " + decisions.joined(separator: "; ")))
                }
            }
        }
        if !detail.attempts.isEmpty {
            lines.append("")
            lines.append("Timeline")
            let origin = detail.attempts.map(\.startedAt).min() ?? run.createdAt
            let labels = Dictionary(uniqueKeysWithValues: detail.steps.map { ($0.id, $0) })
            for attempt in detail.attempts {
                let step = labels[attempt.stepID]
                let action = attempt.compensation ? "undo " + (step?.compensation ?? "?") : (step?.label ?? attempt.stepID.rawValue)
                let start = attempt.startedAt.timeIntervalSince(origin)
                let duration = attempt.finishedAt.map { String(format: "%6.0f ms", $0.timeIntervalSince(attempt.startedAt) * 1000) } ?? "   …    "
                lines.append(String(format: "  +%8.3f s ", start) + duration + "  #\(attempt.number) \(attempt.outcome.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(action)"
                    + (attempt.error.map { "  (\($0))" } ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }
}
