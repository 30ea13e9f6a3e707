import KeycardCore

/// One person: attributes on the left, current access with the policies that explain it on the right,
/// their runs and events below.
enum EmployeeView {
    static func draw(_ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext) {
        let glyphs = context.glyphs
        guard case .employee(let id) = state.route, let detail = state.snapshot.employeeDetail, detail.employee.id == id else {
            grid.box(frame, glyphs: glyphs, title: [Span("Employee", .frameTitle, .bold)])
            Chrome.emptyMessage(&grid, rect: frame.inset(by: 1), text: "Loading employee…")
            return
        }
        let employee = detail.employee
        grid.box(frame, glyphs: glyphs, title: [
            Span(employee.name, .frameTitle, .bold), Span(" \(employee.email) ", .hint),
            Span(employee.status, EmployeesView.statusRole(employee.status)),
        ])
        let inner = frame.inset(by: 1)
        let runsHeight = min(detail.runs.count + 2, max(3, inner.height / 3))
        let (top, bottom) = inner.splitBottom(runsHeight)
        let leftWidth = min(40, top.width / 3)
        let (left, right) = top.splitLeft(leftWidth)
        grid.put("ATTRIBUTES", x: left.x + 1, y: left.y, style: CellStyle(.tableHeader, .bold))
        for (offset, (name, value)) in detail.attributes.prefix(left.height - 1).enumerated() {
            grid.put(spans: [Span(TextLayout.fit(name, to: 17), .hint), Span(value)], x: left.x + 1, y: left.y + 1 + offset, maxWidth: left.width - 2, ellipsis: glyphs.ellipsis)
        }
        grid.put("ACCESS (why)", x: right.x + 1, y: right.y, style: CellStyle(.tableHeader, .bold))
        var line = right.y + 1
        for access in detail.access where line < right.maxY {
            let why = access.justifications.map { "\($0.policyID): \($0.condition)" }.joined(separator: "; ")
            grid.put(spans: [
                Span(StatusStyle.glyph(access.state, glyphs) + " ", StatusStyle.role(access.state)), Span(access.grant, .body, .bold),
                Span("  \(glyphs.arrow) ", .hint), Span(why.isEmpty ? "implied" : why, .hint),
            ], x: right.x + 1, y: line, maxWidth: right.width - 2, ellipsis: glyphs.ellipsis)
            line += 1
        }
        var position = state.position
        position.move(to: position.cursor, ids: detail.runs.map(\.id), page: max(1, bottom.height - 1))
        let rows = detail.runs.map { RunsView.row($0, state: state, glyphs: glyphs) }
        grid.table(TableModel(columns: RunsView.columns, rows: rows, cursor: rows.isEmpty ? nil : position.cursor, top: position.top), in: bottom, glyphs: glyphs)
    }
}
