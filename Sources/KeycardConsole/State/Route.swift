/// A kind of screen; the top-level ones are reachable with `:` commands and tabs.
public enum ViewKind: String, Sendable, Hashable, CaseIterable {
    case runs, run, step, failures, approvals, employees, employee, systems, events, audit, help

    /// The views `:name` switches to, in tab order.
    public static let topLevel: [ViewKind] = [.runs, .failures, .approvals, .employees, .systems, .events, .audit]

    public var title: String {
        switch self {
        case .runs: return "Runs"
        case .run: return "Run"
        case .step: return "Step"
        case .failures: return "Failures"
        case .approvals: return "Approvals"
        case .employees: return "Employees"
        case .employee: return "Employee"
        case .systems: return "Systems"
        case .events: return "Events"
        case .audit: return "Audit"
        case .help: return "Help"
        }
    }
}

/// One place in the navigation stack: a view and what it is about.
public enum Route: Sendable, Hashable {
    case list(ViewKind)
    case run(id: String)
    case step(runID: String, stepID: String)
    case employee(id: String)
    case help

    public var kind: ViewKind {
        switch self {
        case .list(let kind): return kind
        case .run: return .run
        case .step: return .step
        case .employee: return .employee
        case .help: return .help
        }
    }
}
