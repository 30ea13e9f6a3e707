/// Each connected system: health, in-flight calls, rate-limit budget, queue, time to drain, recent activity.
enum SystemsView {
    static let columns = [
        TableColumn("SYSTEM", min: 8, max: 18, priority: 10), TableColumn("HEALTH", min: 9, max: 10, priority: 9),
        TableColumn("IN FLIGHT", min: 9, max: 16, priority: 7), TableColumn("RATE BUDGET", min: 12, max: 22, priority: 8),
        TableColumn("QUEUE", min: 5, max: 5, priority: 8, alignment: .right), TableColumn("ETA", min: 6, max: 7, priority: 6, alignment: .right),
        TableColumn("FAIL", min: 4, max: 4, priority: 5, alignment: .right), TableColumn("ACTIVITY", min: 8, max: 16, priority: 3),
        TableColumn("NOTE", min: 8, priority: 2),
    ]

    static func draw(_ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext) {
        let glyphs = context.glyphs
        let rows = state.visibleSystems.map { system -> [TableCell] in
            let healthRole = StatusStyle.role(system.health)
            let budget = system.rateCapacity == 0 ? 0 : Double(system.rateRemaining) / Double(system.rateCapacity)
            let budgetRole: StyleRole = budget < 0.2 ? .statusFailed : (budget < 0.5 ? .statusAwaiting : .statusSucceeded)
            let flight = system.maxInFlight == 0 ? 0 : Double(system.inFlight) / Double(system.maxInFlight)
            return [
                .plain(system.displayName, .body, .bold),
                StatusStyle.cell(StatusStyle.glyph(system.health, glyphs), system.health.rawValue, healthRole),
                .progress(fraction: flight, label: "\(system.inFlight)/\(system.maxInFlight)", style: CellStyle(.statusRunning)),
                .progress(fraction: budget, label: "\(system.rateRemaining)/\(system.rateCapacity)", style: CellStyle(budgetRole)),
                .plain("\(system.queueDepth)", system.queueDepth > 0 ? .body : .hint),
                .plain(system.queueDepth == 0 ? "-" : Format.duration(system.etaSeconds), .body),
                system.failedSteps > 0 ? .plain("\(system.failedSteps)", .statusFailed, .bold) : .plain("-", .hint),
                .sparkline(system.recentCalls, style: CellStyle(.statusRunning)),
                .plain(system.note ?? "", .hint),
            ]
        }
        ListView.draw(
            &grid, frame: frame, state: state, context: context, title: "Systems", total: state.snapshot.systems.count,
            columns: columns, rows: rows, emptyText: "No systems configured.")
    }
}
