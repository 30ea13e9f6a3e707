import Foundation
import KeycardCore

/// One step: what it does, its state, dependencies, attempts and errors, parameters (secrets redacted),
/// justification, approver and the system's confirmation id.
enum StepView {
    static func draw(_ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext) {
        let glyphs = context.glyphs
        guard let detail = state.currentRunDetail, let step = state.selectedStep else {
            grid.box(frame, glyphs: glyphs, title: [Span("Step", .frameTitle, .bold)])
            Chrome.emptyMessage(&grid, rect: frame.inset(by: 1), text: "Loading step…")
            return
        }
        let role = StatusStyle.role(step.state)
        grid.box(frame, glyphs: glyphs, title: [
            Span(step.title, .frameTitle, .bold), Span(" \(detail.run.employeeName) ", .hint),
            Span("\(StatusStyle.glyph(step.state, glyphs)) \(StatusStyle.label(step.state))", role, .bold),
        ])
        let inner = frame.inset(by: 1)
        var lines = fields(step: step, detail: detail, state: state, glyphs: glyphs)
        lines.append([])
        lines.append([Span("attempts", .tableHeader, .bold)])
        if step.attempts.isEmpty { lines.append([Span("  none yet", .hint)]) }
        for attempt in step.attempts {
            let end = attempt.finishedAt.map { Format.clock($0, state.timeZone) } ?? "…"
            var line = [
                Span("  #\(attempt.number) ", .key, .bold),
                Span("\(Format.clock(attempt.startedAt, state.timeZone)) \(glyphs.arrow) \(end)  ", .hint),
            ]
            if let error = attempt.error {
                line.append(Span("\(glyphs.failed) \(error)", .statusFailed))
            } else if attempt.finishedAt != nil {
                line.append(Span("\(glyphs.succeeded) ok", .statusSucceeded))
            } else {
                line.append(Span("\(glyphs.running) running", .statusRunning))
            }
            lines.append(line)
        }
        for (offset, line) in lines.prefix(inner.height).enumerated() {
            grid.put(spans: line, x: inner.x + 1, y: inner.y + offset, maxWidth: inner.width - 2, ellipsis: glyphs.ellipsis)
        }
    }

    static func field(_ name: String, _ value: [Span]) -> [Span] {
        [Span(TextLayout.fit(name, to: 14), .hint)] + value
    }

    static func fields(step: StepCell, detail: RunDetailModel, state: ConsoleState, glyphs: GlyphSet) -> [[Span]] {
        let needs = step.dependsOn.compactMap { detail.step($0)?.title }
        let unlocks = detail.steps.filter { $0.dependsOn.contains(step.id) }.map(\.title)
        let tier = detail.tiers.first { $0.steps.contains { $0.id == step.id } }
        var lines: [[Span]] = [
            field("action", [Span("\(step.system):\(step.action)", .body, .bold), Span("   id \(step.id)", .hint)]),
            field("state", [
                Span("\(StatusStyle.glyph(step.state, glyphs)) \(StatusStyle.label(step.state))", StatusStyle.role(step.state), .bold),
                Span(step.critical ? "   critical: a final failure rolls the run back" : "", .statusAwaiting),
            ]),
            field("tier", [Span(tier.map { "T\($0.number) \($0.name)" } ?? "-")]),
            field("needs", [Span(needs.isEmpty ? "-" : needs.joined(separator: ", "), .key)]),
            field("unlocks", [Span(unlocks.isEmpty ? "-" : unlocks.joined(separator: ", "))]),
            field("time", [
                Span(step.startedAt.map { Format.clock($0, state.timeZone) } ?? "not started"),
                Span(step.finishedAt.map { " \(glyphs.arrow) \(Format.clock($0, state.timeZone))" } ?? "", .body),
                Span(step.startedAt.map { "  took \(Format.duration((step.finishedAt ?? state.now).timeIntervalSince($0)))" } ?? "", .hint),
            ]),
            field("parameters", [Span(
                step.parameters.isEmpty ? "-" : Format.redacted(step.parameters).map { "\($0.0)=\($0.1)" }.joined(separator: "  "))]),
        ]
        for (index, justification) in step.justifications.enumerated() {
            lines.append(field(index == 0 ? "because" : "", [
                Span(justification.policyID, .key, .bold), Span(" @ \(justification.policyVersion)", .hint),
                Span("  when \(justification.condition)"),
                Span(justification.file.map { "  (\($0))" } ?? "", .hint),
            ]))
        }
        if step.justifications.isEmpty { lines.append(field("because", [Span("implied by another step", .hint)])) }
        lines.append(field("approver", [
            Span(step.approver ?? "-", step.approver == nil ? .hint : .body),
            Span(step.approvalReason.map { "  \"\($0)\"" } ?? "", .hint),
        ]))
        lines.append(field("confirmation", [Span(step.confirmationID ?? "-", step.confirmationID == nil ? .hint : .statusSucceeded)]))
        return lines
    }
}
