import Foundation
import KeycardCore

/// One run in the Runs list.
public struct RunRow: Sendable, Hashable, Identifiable {
    public var id: String
    public var employeeID: String
    public var employeeName: String
    public var kind: RunKind
    public var state: RunState
    public var stepsDone: Int
    public var stepsTotal: Int
    /// 1-based tier being worked on; `nil` before the run starts or after it ends.
    public var currentTier: Int?
    public var tierCount: Int
    public var waitingApprovals: Int
    public var failures: Int
    public var startedAt: Date?
    public var finishedAt: Date?

    public init(
        id: String, employeeID: String, employeeName: String, kind: RunKind, state: RunState,
        stepsDone: Int, stepsTotal: Int, currentTier: Int?, tierCount: Int, waitingApprovals: Int = 0,
        failures: Int = 0, startedAt: Date?, finishedAt: Date? = nil
    ) {
        self.id = id
        self.employeeID = employeeID
        self.employeeName = employeeName
        self.kind = kind
        self.state = state
        self.stepsDone = stepsDone
        self.stepsTotal = stepsTotal
        self.currentTier = currentTier
        self.tierCount = tierCount
        self.waitingApprovals = waitingApprovals
        self.failures = failures
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// Time from start to finish, or to `now` while it runs.
    public func duration(now: Date) -> TimeInterval? {
        guard let startedAt else { return nil }
        return max(0, (finishedAt ?? now).timeIntervalSince(startedAt))
    }
}
