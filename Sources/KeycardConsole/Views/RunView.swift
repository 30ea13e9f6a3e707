import Foundation
import KeycardCore

/// One run: a summary line, then the tiered step graph (left→right, or top→bottom when narrow) or the timeline.
enum RunView {
    static func draw(_ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext) {
        let glyphs = context.glyphs
        guard let detail = state.currentRunDetail else {
            grid.box(frame, glyphs: glyphs, title: [Span("Run", .frameTitle, .bold)])
            Chrome.emptyMessage(&grid, rect: frame.inset(by: 1), text: "Loading run…")
            return
        }
        let run = detail.run
        let role = StatusStyle.role(run.state)
        grid.box(frame, glyphs: glyphs, title: [
            Span(run.employeeName, .frameTitle, .bold), Span(" \(run.kind.rawValue) ", .hint),
            Span("\(StatusStyle.glyph(run.state, glyphs)) \(StatusStyle.label(run.state))", role, .bold),
            Span(state.timelineShown ? " timeline" : " graph", .hint),
        ])
        let inner = frame.inset(by: 1)
        summary(&grid, detail: detail, state: state, y: inner.y, rect: inner, context: context)
        let body = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 4)
        let steps = detail.steps
        let cursor = min(state.position.cursor, max(0, steps.count - 1))
        if state.timelineShown {
            RunTimeline.draw(&grid, rect: body, detail: detail, cursor: cursor, state: state, context: context)
        } else {
            RunGraph.draw(&grid, rect: body, detail: detail, cursor: cursor, context: context)
        }
        if let selected = steps[safe: cursor] {
            stepLine(&grid, step: selected, detail: detail, y: inner.maxY - 1, rect: inner, context: context)
        }
    }

    static func summary(_ grid: inout CellGrid, detail: RunDetailModel, state: ConsoleState, y: Int, rect: Rect, context: RenderContext) {
        let run = detail.run
        let glyphs = context.glyphs
        var x = rect.x + 1
        let fraction = run.stepsTotal == 0 ? 0 : Double(run.stepsDone) / Double(run.stepsTotal)
        let barWidth = rect.width >= 120 ? 24 : 10
        grid.progressBar(x: x, y: y, width: barWidth, fraction: fraction, glyphs: glyphs, filled: CellStyle(StatusStyle.role(run.state)))
        x += barWidth + 1
        let spans: [Span] = [
            Span("\(run.stepsDone)/\(run.stepsTotal)", .body, .bold),
            Span("  tier ", .hint), Span(run.currentTier.map { "\($0)/\(run.tierCount)" } ?? "-"),
            Span("  from ", .hint), Span(Format.moment(run.startedAt, now: state.now, state.timeZone)),
            Span("  took ", .hint), Span(Format.duration(run.duration(now: state.now)), run.finishedAt == nil ? .statusRunning : .body),
            Span(run.waitingApprovals > 0 ? "  \(glyphs.awaiting) \(run.waitingApprovals) awaiting" : "", .statusAwaiting, .bold),
            Span(run.failures > 0 ? "  \(glyphs.failed) \(run.failures) failed" : "", .statusFailed, .bold),
            Span("  \(run.id)", .hint),
        ]
        grid.put(spans: spans, x: x, y: y, maxWidth: rect.maxX - x - 1, ellipsis: glyphs.ellipsis)
    }

    static func stepLine(_ grid: inout CellGrid, step: StepCell, detail: RunDetailModel, y: Int, rect: Rect, context: RenderContext) {
        let glyphs = context.glyphs
        let needs = step.dependsOn.compactMap { detail.step($0)?.title }
        let unlocks = detail.steps.filter { $0.dependsOn.contains(step.id) }.map(\.title)
        let spans: [Span] = [
            Span("\(StatusStyle.glyph(step.state, glyphs)) ", StatusStyle.role(step.state)), Span(step.title, .body, .bold),
            Span("  \(step.system):\(step.action)", .hint),
            Span("  needs ", .hint), Span(needs.isEmpty ? "-" : needs.joined(separator: ", "), .key),
            Span("  unlocks ", .hint), Span(unlocks.isEmpty ? "-" : unlocks.joined(separator: ", ")),
        ]
        grid.put(spans: spans, x: rect.x + 1, y: y, maxWidth: rect.width - 2, ellipsis: glyphs.ellipsis)
    }
}
