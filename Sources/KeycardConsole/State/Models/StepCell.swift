import Foundation
import KeycardCore

/// One attempt of a step: when, and how it ended.
public struct StepAttemptRow: Sendable, Hashable {
    public var number: Int
    public var startedAt: Date
    public var finishedAt: Date?
    /// `nil` while running or when it succeeded.
    public var error: String?

    public init(number: Int, startedAt: Date, finishedAt: Date? = nil, error: String? = nil) {
        self.number = number
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.error = error
    }
}

/// One step of a run: a cell in the tier graph, a bar in the timeline, and the Step view's content.
public struct StepCell: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var system: String
    public var action: String
    public var state: StepState
    public var dependsOn: [String]
    public var startedAt: Date?
    public var finishedAt: Date?
    public var attempts: [StepAttemptRow]
    /// Action parameters as given; the Step view redacts secret-looking keys.
    public var parameters: [String: String]
    public var justifications: [Justification]
    public var approver: String?
    public var approvalReason: String?
    public var confirmationID: String?
    public var critical: Bool

    public init(
        id: String, title: String, system: String, action: String, state: StepState, dependsOn: [String] = [],
        startedAt: Date? = nil, finishedAt: Date? = nil, attempts: [StepAttemptRow] = [], parameters: [String: String] = [:],
        justifications: [Justification] = [], approver: String? = nil, approvalReason: String? = nil,
        confirmationID: String? = nil, critical: Bool = false
    ) {
        self.id = id
        self.title = title
        self.system = system
        self.action = action
        self.state = state
        self.dependsOn = dependsOn
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.attempts = attempts
        self.parameters = parameters
        self.justifications = justifications
        self.approver = approver
        self.approvalReason = approvalReason
        self.confirmationID = confirmationID
        self.critical = critical
    }

    /// The last attempt's error, if it failed.
    public var lastError: String? { attempts.last?.error }
}

/// One tier of a run's graph: steps that may run in parallel once the tier before is done.
public struct RunTier: Sendable, Hashable {
    public var number: Int
    public var name: String
    public var steps: [StepCell]

    public init(number: Int, name: String, steps: [StepCell]) {
        self.number = number
        self.name = name
        self.steps = steps
    }
}

/// A run with its tiered graph: the Run view's content.
public struct RunDetailModel: Sendable, Hashable {
    public var run: RunRow
    public var tiers: [RunTier]

    public init(run: RunRow, tiers: [RunTier]) {
        self.run = run
        self.tiers = tiers
    }

    /// Steps in tier order, the order the cursor walks.
    public var steps: [StepCell] { tiers.flatMap(\.steps) }

    public func step(_ id: String) -> StepCell? {
        for tier in tiers { if let step = tier.steps.first(where: { $0.id == id }) { return step } }
        return nil
    }
}
