import Foundation

/// Grants waiting for an approver: who, what, which policy, why it is sensitive, age and expiry.
enum ApprovalsView {
    static let columns = [
        TableColumn("EMPLOYEE", min: 10, max: 18, priority: 10), TableColumn("GRANT", min: 20, max: 64, priority: 9),
        TableColumn("POLICY", min: 8, max: 20, priority: 6), TableColumn("WHY SENSITIVE", min: 10, priority: 5),
        TableColumn("AGE", min: 4, max: 5, priority: 8, alignment: .right), TableColumn("EXPIRES", min: 7, max: 9, priority: 7),
        TableColumn("RISK", min: 6, max: 6, priority: 8),
    ]

    static func draw(_ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext) {
        let approvals = state.visibleApprovals
        let rows = approvals.map { approval -> [TableCell] in
            [
                .plain(approval.employeeName, .body, .bold), .plain(approval.grant, .statusAwaiting),
                .plain(approval.policy, .hint), .plain(approval.whySensitive),
                .plain(Format.age(state.now.timeIntervalSince(approval.requestedAt))),
                .plain(Format.until(approval.expiresAt, now: state.now)),
                approval.highRisk ? .plain(context.glyphs.warning + " high", .statusFailed, .bold) : .plain("normal", .hint),
            ]
        }
        ListView.draw(
            &grid, frame: frame, state: state, context: context, title: "Approvals", total: state.snapshot.approvals.count,
            columns: columns, rows: rows, emptyText: "Nothing waits for approval.")
        guard let selected = approvals[safe: state.position.cursor] else { return }
        ListView.pane(&grid, frame: frame, height: 4, lines: [
            [Span("grant      ", .hint), Span(selected.grant, .statusAwaiting, .bold), Span("  for ", .hint), Span(selected.employeeName, .body, .bold)],
            [Span("why        ", .hint), Span(selected.whySensitive)],
            [Span("approvers  ", .hint), Span(selected.approvers), Span("   policy ", .hint), Span(selected.policy),
             Span(selected.highRisk ? "   high risk: type \(selected.grantName) to approve" : "", .statusFailed)],
        ], context: context)
    }
}
