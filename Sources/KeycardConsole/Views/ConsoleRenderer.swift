/// Pure render of the whole screen: state + glyphs → a grid of cells, sized by the state.
public enum ConsoleRenderer {
    public static func render(_ state: ConsoleState, context: RenderContext) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        guard ConsoleLayout.fits(width: state.width, height: state.height) else {
            drawTooSmall(&grid, state: state)
            return grid
        }
        Chrome.header(&grid, state: state, context: context)
        Chrome.tabs(&grid, state: state)
        let frame = ConsoleLayout.frame(width: state.width, height: state.height)
        switch state.route {
        case .list(.runs): RunsView.draw(&grid, frame: frame, state: state, context: context)
        case .list(.failures): FailuresView.draw(&grid, frame: frame, state: state, context: context)
        case .list(.approvals): ApprovalsView.draw(&grid, frame: frame, state: state, context: context)
        case .list(.employees): EmployeesView.draw(&grid, frame: frame, state: state, context: context)
        case .list(.systems): SystemsView.draw(&grid, frame: frame, state: state, context: context)
        case .list(.events): EventsView.draw(&grid, frame: frame, state: state, context: context)
        case .list(.audit): AuditView.draw(&grid, frame: frame, state: state, context: context)
        case .run: RunView.draw(&grid, frame: frame, state: state, context: context)
        case .step: StepView.draw(&grid, frame: frame, state: state, context: context)
        case .employee: EmployeeView.draw(&grid, frame: frame, state: state, context: context)
        case .help, .list: HelpView.draw(&grid, frame: frame, state: state, context: context)
        }
        Chrome.crumbs(&grid, state: state, context: context)
        Chrome.flashLine(&grid, state: state, context: context)
        Chrome.hintLine(&grid, state: state, context: context)
        if let dialog = state.dialog { DialogView.draw(&grid, dialog: dialog, context: context) }
        return grid
    }

    static func drawTooSmall(_ grid: inout CellGrid, state: ConsoleState) {
        let lines = [
            "Terminal too small: \(state.width)×\(state.height)",
            "Keycard needs at least \(ConsoleLayout.minimumWidth)×\(ConsoleLayout.minimumHeight).",
            "Resize the window, or press q to quit.",
        ]
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + offset, style: CellStyle(offset == 0 ? .flashError : .body, offset == 0 ? .bold : []))
        }
    }
}
