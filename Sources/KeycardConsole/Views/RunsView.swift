import KeycardCore

/// Home: every run with state, progress, tier, approvals, failures, start and duration.
enum RunsView {
    static let columns = [
        TableColumn("EMPLOYEE", min: 13, priority: 10), TableColumn("KIND", min: 6, max: 6, priority: 6),
        TableColumn("STATE", min: 11, max: 13, priority: 9), TableColumn("PROGRESS", min: 12, max: 22, priority: 8),
        TableColumn("TIER", min: 4, max: 4, priority: 3, alignment: .right),
        TableColumn("APPR", min: 4, max: 4, priority: 5, alignment: .right),
        TableColumn("FAIL", min: 4, max: 4, priority: 5, alignment: .right),
        TableColumn("STARTED", min: 8, max: 12, priority: 7), TableColumn("DURATION", min: 8, max: 8, priority: 6, alignment: .right),
    ]

    static func row(_ run: RunRow, state: ConsoleState, glyphs: GlyphSet) -> [TableCell] {
        let role = StatusStyle.role(run.state)
        let fraction = run.stepsTotal == 0 ? 0 : Double(run.stepsDone) / Double(run.stepsTotal)
        return [
            .plain(run.employeeName, .body, .bold),
            .plain(run.kind.rawValue, run.kind == .leaver ? .statusAwaiting : .body),
            StatusStyle.cell(StatusStyle.glyph(run.state, glyphs), StatusStyle.label(run.state), role),
            .progress(fraction: fraction, label: "\(run.stepsDone)/\(run.stepsTotal)", style: CellStyle(role)),
            .plain(run.currentTier.map { "\($0)/\(run.tierCount)" } ?? "-", .hint),
            run.waitingApprovals > 0 ? .plain("\(glyphs.awaiting)\(run.waitingApprovals)", .statusAwaiting, .bold) : .plain("-", .hint),
            run.failures > 0 ? .plain("\(glyphs.failed)\(run.failures)", .statusFailed, .bold) : .plain("-", .hint),
            .plain(Format.moment(run.startedAt, now: state.now, state.timeZone), .body),
            .plain(Format.duration(run.duration(now: state.now)), run.finishedAt == nil ? .statusRunning : .body),
        ]
    }

    static func draw(_ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext) {
        let runs = state.visibleRuns
        let list = ConsoleLayout.listRect(for: .runs, width: state.width, height: state.height)
        let top = state.position.top
        // Only the rows on screen are built: the list may hold thousands of runs.
        var shown = [[TableCell]](repeating: [], count: runs.count)
        for index in min(top, runs.count)..<min(runs.count, top + list.height) {
            shown[index] = row(runs[index], state: state, glyphs: context.glyphs)
        }
        ListView.draw(
            &grid, frame: frame, state: state, context: context, title: "Runs", total: state.snapshot.runs.count,
            columns: columns, rows: shown, emptyText: "No runs yet. They appear when HR events arrive.")
    }
}
