/// Every failed step across runs, with the full error of the selected one below.
enum FailuresView {
    static let columns = [
        TableColumn("EMPLOYEE", min: 10, max: 18, priority: 9), TableColumn("STEP", min: 12, max: 30, priority: 10),
        TableColumn("SYSTEM", min: 6, max: 10, priority: 8), TableColumn("ERROR", min: 10, priority: 7),
        TableColumn("TRIES", min: 5, max: 5, priority: 5, alignment: .right), TableColumn("FAILED", min: 8, max: 12, priority: 6),
        TableColumn("CRIT", min: 4, max: 4, priority: 4),
    ]

    static func draw(_ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext) {
        let failures = state.visibleFailures
        let rows = failures.map { failure -> [TableCell] in
            [
                .plain(failure.employeeName, .body, .bold), .plain(failure.stepTitle),
                .plain(failure.system, .hint), .plain(failure.error, .statusFailed),
                .plain("\(failure.attempts)/\(failure.maxAttempts)"),
                .plain(Format.moment(failure.failedAt, now: state.now, state.timeZone)),
                failure.critical ? .plain(context.glyphs.warning + " yes", .statusFailed, .bold) : .plain("-", .hint),
            ]
        }
        ListView.draw(
            &grid, frame: frame, state: state, context: context, title: "Failures", total: state.snapshot.failures.count,
            columns: columns, rows: rows, emptyText: "No failed steps. \(context.glyphs.succeeded)")
        guard let selected = failures[safe: state.position.cursor] else { return }
        ListView.pane(&grid, frame: frame, height: 3, lines: [
            [Span("error  ", .hint), Span(selected.error, .statusFailed)],
            [Span("run    ", .hint), Span(selected.runID), Span("   step ", .hint), Span(selected.stepID),
             Span(selected.critical ? "   critical: a final failure rolls the run back" : "", .statusAwaiting)],
        ], context: context)
    }
}
