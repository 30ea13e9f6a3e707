import Foundation

/// The waterfall: one line per step, `03:05:10 ✓ Create Okta account  ████`, bars placed over the run's time.
enum RunTimeline {
    static func draw(_ grid: inout CellGrid, rect: Rect, detail: RunDetailModel, cursor: Int, state: ConsoleState, context: RenderContext) {
        let glyphs = context.glyphs
        let steps = detail.steps
        guard rect.height > 1, let start = detail.run.startedAt ?? steps.compactMap(\.startedAt).min() else {
            Chrome.emptyMessage(&grid, rect: rect, text: "The run has not started yet.")
            return
        }
        let end = detail.run.finishedAt ?? max(state.now, steps.compactMap { $0.finishedAt ?? $0.startedAt }.max() ?? state.now)
        let span = max(1, end.timeIntervalSince(start))
        let titleWidth = min(32, max(20, rect.width / 3))
        let barX = rect.x + 11 + titleWidth + 1
        let barWidth = rect.maxX - 1 - barX - 8
        guard barWidth > 4 else { return }
        grid.put(Format.clock(start, state.timeZone), x: barX, y: rect.y, style: CellStyle(.hint))
        let endLabel = Format.clock(end, state.timeZone)
        grid.put(endLabel, x: barX + barWidth - DisplayWidth.of(endLabel), y: rect.y, style: CellStyle(.hint))
        let middle = "\(glyphs.arrow) \(Format.duration(span))"
        if barWidth >= DisplayWidth.of(middle) + 2 * DisplayWidth.of(endLabel) + 4 {
            grid.put(middle, x: barX + (barWidth - DisplayWidth.of(middle)) / 2, y: rect.y, style: CellStyle(.hint))
        }
        let rows = rect.height - 1
        let top = cursor >= rows ? cursor - rows + 1 : 0
        for line in 0..<rows {
            let index = top + line
            guard let step = steps[safe: index] else { break }
            let y = rect.y + 1 + line
            let role = StatusStyle.role(step.state)
            let time = step.startedAt.map { Format.clock($0, state.timeZone) } ?? "--:--:--"
            grid.put(time, x: rect.x + 1, y: y, style: CellStyle(.hint))
            grid.put(spans: [Span(StatusStyle.glyph(step.state, glyphs) + " ", role), Span(step.title)], x: rect.x + 11, y: y, maxWidth: titleWidth, ellipsis: glyphs.ellipsis)
            if let stepStart = step.startedAt {
                let stepEnd = step.finishedAt ?? state.now
                let from = stepStart.timeIntervalSince(start) / span
                let to = stepEnd.timeIntervalSince(start) / span
                grid.span(x: barX, y: y, width: barWidth, start: from, end: to, glyphs: glyphs, style: CellStyle(role))
                let took = Format.duration(stepEnd.timeIntervalSince(stepStart))
                grid.put(took, x: rect.maxX - 1 - DisplayWidth.of(took), y: y, style: CellStyle(.hint))
            } else {
                grid.put(StatusStyle.label(step.state), x: barX, y: y, style: CellStyle(.statusPending))
            }
            if index == cursor { grid.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: CellStyle(.tableCursor, .bold)) }
        }
        let below = steps.count - top - rows
        if below > 0 {
            grid.put(" +\(below) more (j) ", x: rect.x + 1, y: rect.y, style: CellStyle(.hint))
        }
    }
}
