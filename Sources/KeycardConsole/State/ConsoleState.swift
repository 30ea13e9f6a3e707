import Foundation

/// All the console knows: the data, where the person is, what they typed, what is open.
public struct ConsoleState: Sendable, Hashable {
    public var snapshot: ConsoleSnapshot
    /// A snapshot that arrived while a dialog was open; applied when it closes, so the row under the dialog never changes.
    public var pendingSnapshot: ConsoleSnapshot?
    /// Never empty; the first element is a top-level list.
    public var stack: [Route] = [.list(.runs)]
    public var positions: [Route: ListPosition] = [:]
    public var filters: [ViewKind: String] = [:]
    public var sorts: [ViewKind: SortSpec] = [:]
    public var mode: InputMode = .normal
    public var dialog: Dialog?
    public var flash: Flash?
    public var readOnly: Bool
    /// Who acts: recorded as approver, refused for their own approvals.
    public var actor: String
    public var now: Date
    public var timeZone: TimeZone
    public var width: Int
    public var height: Int
    public var timelineShown = false
    public var logPath: String?
    public var quitRequested = false

    public init(
        snapshot: ConsoleSnapshot, readOnly: Bool = false, actor: String, now: Date,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!, width: Int = 80, height: Int = 24, logPath: String? = nil
    ) {
        self.snapshot = snapshot
        self.readOnly = readOnly
        self.actor = actor
        self.now = now
        self.timeZone = timeZone
        self.width = width
        self.height = height
        self.logPath = logPath
    }

    public var route: Route { stack.last ?? .list(.runs) }
    public var kind: ViewKind { route.kind }

    public var position: ListPosition {
        get { positions[route] ?? ListPosition() }
        set { positions[route] = newValue }
    }

    /// The detail the data source should include for the current route.
    public var focus: ConsoleFocus {
        for route in stack.reversed() {
            switch route {
            case .run(let id), .step(let id, _): return ConsoleFocus(runID: id)
            case .employee(let id): return ConsoleFocus(employeeID: id)
            default: continue
            }
        }
        return ConsoleFocus()
    }
}
