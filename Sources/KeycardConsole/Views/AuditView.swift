/// The tail of the audit trail and whether its hash chain verifies.
enum AuditView {
    static let columns = [
        TableColumn("SEQ", min: 4, max: 6, priority: 9, alignment: .right), TableColumn("TIME", min: 8, max: 12, priority: 8),
        TableColumn("EMPLOYEE", min: 10, max: 18, priority: 10), TableColumn("SYSTEM", min: 6, max: 10, priority: 7),
        TableColumn("ACTION", min: 10, max: 22, priority: 9), TableColumn("RESULT", min: 9, max: 11, priority: 8),
        TableColumn("APPROVER", min: 8, max: 22, priority: 4), TableColumn("CONFIRMATION", min: 10, max: 16, priority: 3),
        TableColumn("HASH", min: 8, max: 10, priority: 5),
    ]

    static func draw(_ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext) {
        let glyphs = context.glyphs
        let rows = state.visibleAudit.map { row -> [TableCell] in
            let role: StyleRole = row.result == "succeeded" ? .statusSucceeded : (row.result == "failed" ? .statusFailed : .statusSkipped)
            return [
                .plain("\(row.sequence)", .hint), .plain(Format.moment(row.at, now: state.now, state.timeZone)),
                .plain(row.employee, .body, .bold), .plain(row.system), .plain(row.action), .plain(row.result, role),
                .plain(row.approver ?? "-", row.approver == nil ? .hint : .body), .plain(row.confirmationID ?? "-", .hint),
                .plain(String(row.hash.prefix(8)), .hint),
            ]
        }
        ListView.draw(
            &grid, frame: frame, state: state, context: context, title: "Audit", total: state.snapshot.audit.count,
            columns: columns, rows: rows, emptyText: "The audit trail is empty.")
        let inner = frame.inset(by: 1)
        let status: [Span]
        switch state.snapshot.auditChain {
        case .verified(let records, let at):
            status = [Span(" chain ", .hint), Span("\(glyphs.succeeded) verified", .statusSucceeded, .bold),
                      Span(" \(records) records, SHA-256 linked, checked \(Format.moment(at, now: state.now, state.timeZone))", .hint)]
        case .broken(let sequence, let reason):
            status = [Span(" chain ", .hint), Span("\(glyphs.failed) BROKEN at #\(sequence)", .statusFailed, .bold), Span(": \(reason)", .statusFailed)]
        case .unverified:
            status = [Span(" chain ", .hint), Span("\(glyphs.pending) not verified yet", .statusPending)]
        }
        grid.put(spans: status, x: inner.x, y: inner.y, maxWidth: inner.width, ellipsis: glyphs.ellipsis)
    }
}
