import Foundation

/// Whether the engine is working or held by the kill switch.
public enum EngineState: String, Sendable, Hashable {
    case running, paused, watching
}

/// Everything the console shows at one moment, as given by a `ConsoleDataSource`.
public struct ConsoleSnapshot: Sendable, Hashable {
    public var organization: String
    public var databasePath: String
    public var engineState: EngineState
    public var takenAt: Date
    public var runs: [RunRow]
    public var failures: [FailureRow]
    public var approvals: [ApprovalRow]
    public var employees: [EmployeeRow]
    public var systems: [SystemRow]
    public var events: [EventRow]
    public var audit: [AuditRow]
    public var auditChain: AuditChainStatus
    /// The run the console is focused on (see `ConsoleFocus`), when one is.
    public var runDetail: RunDetailModel?
    public var employeeDetail: EmployeeDetail?

    public init(
        organization: String, databasePath: String, engineState: EngineState, takenAt: Date, runs: [RunRow] = [],
        failures: [FailureRow] = [], approvals: [ApprovalRow] = [], employees: [EmployeeRow] = [], systems: [SystemRow] = [],
        events: [EventRow] = [], audit: [AuditRow] = [], auditChain: AuditChainStatus = .unverified,
        runDetail: RunDetailModel? = nil, employeeDetail: EmployeeDetail? = nil
    ) {
        self.organization = organization
        self.databasePath = databasePath
        self.engineState = engineState
        self.takenAt = takenAt
        self.runs = runs
        self.failures = failures
        self.approvals = approvals
        self.employees = employees
        self.systems = systems
        self.events = events
        self.audit = audit
        self.auditChain = auditChain
        self.runDetail = runDetail
        self.employeeDetail = employeeDetail
    }

    public static let empty = ConsoleSnapshot(organization: "", databasePath: "", engineState: .running, takenAt: Date(timeIntervalSince1970: 0))

    public var deadLetters: Int { events.filter { $0.status == .deadLetter }.count }
}

/// Which detail the console needs in the next snapshot.
public struct ConsoleFocus: Sendable, Hashable {
    public var runID: String?
    public var employeeID: String?

    public init(runID: String? = nil, employeeID: String? = nil) {
        self.runID = runID
        self.employeeID = employeeID
    }
}
