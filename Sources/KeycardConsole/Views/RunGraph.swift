import KeycardCore

/// The tiered step graph: tiers as columns joined by arrows, or as rows when the terminal is narrow.
/// The selected step is highlighted; the steps it needs are marked with `›` and underlined.
enum RunGraph {
    static let minimumColumnWidth = 22

    static func draw(_ grid: inout CellGrid, rect: Rect, detail: RunDetailModel, cursor: Int, context: RenderContext) {
        guard !detail.tiers.isEmpty, rect.height > 1 else { return }
        let selected = detail.steps[safe: cursor]
        let needs = Set(selected?.dependsOn ?? [])
        let columnWidth = (rect.width - 2 - 3 * (detail.tiers.count - 1)) / detail.tiers.count
        if columnWidth >= minimumColumnWidth {
            drawColumns(&grid, rect: rect, detail: detail, selectedID: selected?.id, needs: needs, columnWidth: columnWidth, context: context)
        } else {
            drawRows(&grid, rect: rect, detail: detail, selectedID: selected?.id, needs: needs, context: context)
        }
    }

    static func tierHeader(_ tier: RunTier, glyphs: GlyphSet) -> [Span] {
        let done = tier.steps.filter { $0.state == .succeeded }.count
        let failed = tier.steps.contains { $0.state == .failed }
        let role: StyleRole = failed ? .statusFailed : (done == tier.steps.count ? .statusSucceeded : .frameTitle)
        return [Span("T\(tier.number) ", .key, .bold), Span(tier.name, .frameTitle, .bold), Span(" \(done)/\(tier.steps.count)", role)]
    }

    static func cell(
        _ grid: inout CellGrid, step: StepCell, x: Int, y: Int, width: Int, selectedID: String?, needs: Set<String>, context: RenderContext
    ) {
        let glyphs = context.glyphs
        let isNeeded = needs.contains(step.id)
        let role = StatusStyle.role(step.state)
        let titleStyle: CellStyle
        switch step.state {
        case .pending, .ready, .skipped, .compensated: titleStyle = CellStyle(.statusPending)
        default: titleStyle = .body
        }
        let marker = isNeeded ? Span(glyphs.isUnicode ? "›" : ">", .key, .bold) : Span(" ")
        let title = Span(step.title, style: isNeeded ? titleStyle.adding(.underline) : titleStyle)
        grid.put(spans: [marker, Span(StatusStyle.glyph(step.state, glyphs) + " ", role), title], x: x, y: y, maxWidth: width, ellipsis: glyphs.ellipsis)
        if step.id == selectedID { grid.restyle(Rect(x: x, y: y, width: width, height: 1), style: CellStyle(.tableCursor, .bold)) }
    }

    static func drawColumns(
        _ grid: inout CellGrid, rect: Rect, detail: RunDetailModel, selectedID: String?, needs: Set<String>, columnWidth: Int, context: RenderContext
    ) {
        let glyphs = context.glyphs
        let arrow = glyphs.isUnicode ? "─▶" : "->"
        let rows = rect.height - 2
        var x = rect.x + 1
        for (index, tier) in detail.tiers.enumerated() {
            grid.put(spans: tierHeader(tier, glyphs: glyphs), x: x, y: rect.y, maxWidth: columnWidth, ellipsis: glyphs.ellipsis)
            for offset in 0..<columnWidth { grid.set(glyphs.horizontal, x: x + offset, y: rect.y + 1, style: CellStyle(.frameBorder, .dim)) }
            if index < detail.tiers.count - 1 { grid.put(arrow, x: x + columnWidth, y: rect.y, style: CellStyle(.frameBorder)) }
            let selectedRow = tier.steps.firstIndex { $0.id == selectedID } ?? 0
            let top = selectedRow >= rows ? selectedRow - rows + 1 : 0
            for line in 0..<rows {
                let stepIndex = top + line
                guard stepIndex < tier.steps.count else { break }
                if line == rows - 1 && stepIndex < tier.steps.count - 1 {
                    grid.put("  +\(tier.steps.count - stepIndex) more", x: x, y: rect.y + 2 + line, style: CellStyle(.hint), maxWidth: columnWidth)
                    break
                }
                cell(&grid, step: tier.steps[stepIndex], x: x, y: rect.y + 2 + line, width: columnWidth, selectedID: selectedID, needs: needs, context: context)
            }
            x += columnWidth + 3
        }
    }

    static func drawRows(_ grid: inout CellGrid, rect: Rect, detail: RunDetailModel, selectedID: String?, needs: Set<String>, context: RenderContext) {
        let glyphs = context.glyphs
        let labelWidth = min(18, max(12, detail.tiers.map { 5 + DisplayWidth.of($0.name) }.max() ?? 12))
        let area = rect.width - 2 - labelWidth
        let perRow = max(1, area / minimumColumnWidth)
        let cellWidth = area / perRow
        // Lay every step out first, then scroll so the selected one shows.
        var placed: [(step: StepCell?, tier: RunTier?, column: Int, line: Int)] = []
        var line = 0
        for tier in detail.tiers {
            placed.append((nil, tier, 0, line))
            for (index, step) in tier.steps.enumerated() {
                placed.append((step, nil, index % perRow, line + index / perRow))
            }
            line += max(1, (tier.steps.count + perRow - 1) / perRow)
        }
        let selectedLine = placed.first { $0.step?.id == selectedID }?.line ?? 0
        let top = selectedLine >= rect.height ? selectedLine - rect.height + 1 : 0
        for item in placed where item.line >= top && item.line < top + rect.height {
            let y = rect.y + item.line - top
            if let tier = item.tier {
                let header = [Span("T\(tier.number) ", .key, .bold), Span(tier.name, .frameTitle, .bold)]
                grid.put(spans: header, x: rect.x + 1, y: y, maxWidth: labelWidth - 1, ellipsis: glyphs.ellipsis)
            } else if let step = item.step {
                let x = rect.x + 1 + labelWidth + item.column * cellWidth
                cell(&grid, step: step, x: x, y: y, width: cellWidth - 1, selectedID: selectedID, needs: needs, context: context)
            }
        }
        if top > 0 { grid.put("\(glyphs.arrow == "→" ? "↑" : "^") more", x: rect.maxX - 8, y: rect.y, style: CellStyle(.hint)) }
        if line - top > rect.height { grid.put("\(glyphs.arrow == "→" ? "↓" : "v") more", x: rect.maxX - 8, y: rect.maxY - 1, style: CellStyle(.hint)) }
    }
}
