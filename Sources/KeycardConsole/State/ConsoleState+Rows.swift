/// The rows each view shows, filtered and sorted, and what the cursor is on.
extension ConsoleState {
    public var filterText: String { filters[kind] ?? "" }

    func visible<Row: ListRow>(_ rows: [Row], in view: ViewKind) -> [Row] {
        let filter = ListFilter(filters[view] ?? "")
        var result = filter.isEmpty ? rows : rows.filter { filter.matches($0) }
        if let sort = sorts[view] {
            result = result.sorted { lhs, rhs in
                let (left, right) = (lhs.sortKey(sort.key), rhs.sortKey(sort.key))
                return sort.descending ? left > right : left < right
            }
        }
        return result
    }

    public var visibleRuns: [RunRow] { visible(snapshot.runs, in: .runs) }
    public var visibleFailures: [FailureRow] { visible(snapshot.failures, in: .failures) }
    public var visibleApprovals: [ApprovalRow] { visible(snapshot.approvals, in: .approvals) }
    public var visibleEmployees: [EmployeeRow] { visible(snapshot.employees, in: .employees) }
    public var visibleSystems: [SystemRow] { visible(snapshot.systems, in: .systems) }
    public var visibleEvents: [EventRow] { visible(snapshot.events, in: .events) }
    public var visibleAudit: [AuditRow] { visible(snapshot.audit, in: .audit) }

    /// The run detail for the current route, when the snapshot has it.
    public var currentRunDetail: RunDetailModel? {
        switch route {
        case .run(let id), .step(let id, _):
            return snapshot.runDetail?.run.id == id ? snapshot.runDetail : nil
        default:
            return nil
        }
    }

    /// Ids of the rows the cursor walks in `route`.
    public func rowIDs(for route: Route) -> [String] {
        switch route {
        case .list(let view):
            switch view {
            case .runs: return visibleRuns.map(\.rowID)
            case .failures: return visibleFailures.map(\.rowID)
            case .approvals: return visibleApprovals.map(\.rowID)
            case .employees: return visibleEmployees.map(\.rowID)
            case .systems: return visibleSystems.map(\.rowID)
            case .events: return visibleEvents.map(\.rowID)
            case .audit: return visibleAudit.map(\.rowID)
            default: return []
            }
        case .run(let id):
            return snapshot.runDetail?.run.id == id ? snapshot.runDetail!.steps.map(\.id) : []
        case .employee(let id):
            return snapshot.employeeDetail?.employee.id == id ? snapshot.employeeDetail!.runs.map(\.id) : []
        case .step, .help:
            return []
        }
    }

    /// The id under the cursor in the current view.
    public var selectedID: String? {
        let ids = rowIDs(for: route)
        return ids[safe: min(position.cursor, ids.count - 1)]
    }

    public var selectedRun: RunRow? {
        guard kind == .runs, let id = selectedID else { return nil }
        return snapshot.runs.first { $0.id == id }
    }

    public var selectedApproval: ApprovalRow? {
        switch route {
        case .list(.approvals):
            guard let id = selectedID else { return nil }
            return snapshot.approvals.first { $0.stepID == id }
        case .run, .step:
            guard let step = selectedStep else { return nil }
            return snapshot.approvals.first { $0.stepID == step.id }
        default:
            return nil
        }
    }

    public var selectedFailure: FailureRow? {
        guard kind == .failures, let id = selectedID else { return nil }
        return snapshot.failures.first { $0.stepID == id }
    }

    /// The step under the cursor of the Run view, or the Step view's step.
    public var selectedStep: StepCell? {
        switch route {
        case .run:
            guard let id = selectedID else { return nil }
            return currentRunDetail?.step(id)
        case .step(_, let stepID):
            return currentRunDetail?.step(stepID)
        default:
            return nil
        }
    }

    public var selectedEvent: EventRow? {
        guard kind == .events, let id = selectedID else { return nil }
        return snapshot.events.first { $0.id == id }
    }
}
