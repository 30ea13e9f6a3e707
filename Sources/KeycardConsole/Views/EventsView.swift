import KeycardCore

/// Intake events, dead letters with the field errors that stopped them.
enum EventsView {
    static let columns = [
        TableColumn("RECEIVED", min: 8, max: 12, priority: 8), TableColumn("EVENT", min: 8, max: 14, priority: 6),
        TableColumn("SOURCE", min: 6, max: 9, priority: 5), TableColumn("TYPE", min: 7, max: 10, priority: 7),
        TableColumn("EMPLOYEE", min: 10, max: 18, priority: 9), TableColumn("STATUS", min: 10, max: 13, priority: 10),
        TableColumn("DETAIL", min: 10, priority: 4),
    ]

    static func draw(_ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext) {
        let events = state.visibleEvents
        let rows = events.map { event -> [TableCell] in
            let detail: TableCell
            if !event.fieldErrors.isEmpty {
                detail = .plain(event.fieldErrors.map(\.description).joined(separator: "; "), .statusFailed)
            } else {
                detail = .plain(event.runID.map { "run \($0)" } ?? "", .hint)
            }
            return [
                .plain(Format.moment(event.receivedAt, now: state.now, state.timeZone)), .plain(event.id, .hint),
                .plain(event.source), .plain(event.type.hasPrefix("employee.") ? String(event.type.dropFirst(9)) : event.type), .plain(event.employee, .body, .bold),
                StatusStyle.cell(StatusStyle.glyph(event.status, context.glyphs), event.status.rawValue, StatusStyle.role(event.status)),
                detail,
            ]
        }
        ListView.draw(
            &grid, frame: frame, state: state, context: context, title: "Events", total: state.snapshot.events.count,
            columns: columns, rows: rows, emptyText: "No events received yet.")
        guard let selected = events[safe: state.position.cursor] else { return }
        var lines: [[Span]]
        if selected.fieldErrors.isEmpty {
            lines = [[Span("event ", .hint), Span(selected.id), Span("  \(selected.status.rawValue)", StatusStyle.role(selected.status)),
                      Span(selected.runID.map { "  started run \($0)" } ?? "", .hint)]]
        } else {
            lines = [[Span("dead letter ", .statusFailed, .bold), Span(selected.id), Span("  r replay · x discard", .hint)]]
            lines += selected.fieldErrors.map { [Span("  \(context.glyphs.failed) ", .statusFailed), Span($0.path, .body, .bold), Span(": \($0.reason)")] }
        }
        ListView.pane(&grid, frame: frame, height: 4, lines: lines, context: context)
    }
}
