/// Everyone Keycard knows, with their access and run counts.
enum EmployeesView {
    static let columns = [
        TableColumn("NAME", min: 10, max: 22, priority: 10), TableColumn("EMAIL", min: 12, max: 30, priority: 6),
        TableColumn("DEPARTMENT", min: 8, max: 14, priority: 8), TableColumn("TITLE", min: 10, priority: 5),
        TableColumn("STATUS", min: 8, max: 8, priority: 9), TableColumn("ACCESS", min: 6, max: 6, priority: 7, alignment: .right),
        TableColumn("RUNS", min: 4, max: 4, priority: 4, alignment: .right),
    ]

    static func statusRole(_ status: String) -> StyleRole {
        switch status {
        case "active": return .statusSucceeded
        case "leaver": return .statusSkipped
        default: return .statusPending
        }
    }

    static func draw(_ grid: inout CellGrid, frame: Rect, state: ConsoleState, context: RenderContext) {
        let rows = state.visibleEmployees.map { employee -> [TableCell] in
            [
                .plain(employee.name, .body, .bold), .plain(employee.email, .hint), .plain(employee.department),
                .plain(employee.title), .plain(employee.status, statusRole(employee.status)),
                .plain("\(employee.accessCount)"), .plain("\(employee.runCount)"),
            ]
        }
        ListView.draw(
            &grid, frame: frame, state: state, context: context, title: "Employees", total: state.snapshot.employees.count,
            columns: columns, rows: rows, emptyText: "No employees yet.")
    }
}
