import Foundation
import KeycardCore

/// One person in the Employees list.
public struct EmployeeRow: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var email: String
    public var department: String
    public var title: String
    /// `active`, `pre-hire`, `leaver`.
    public var status: String
    public var accessCount: Int
    public var runCount: Int

    public init(id: String, name: String, email: String, department: String, title: String, status: String, accessCount: Int, runCount: Int) {
        self.id = id
        self.name = name
        self.email = email
        self.department = department
        self.title = title
        self.status = status
        self.accessCount = accessCount
        self.runCount = runCount
    }
}

/// A piece of access someone holds, with the policies that explain it.
public struct AccessRow: Sendable, Hashable {
    public var grant: String
    public var state: StepState
    public var justifications: [Justification]

    public init(grant: String, state: StepState, justifications: [Justification]) {
        self.grant = grant
        self.state = state
        self.justifications = justifications
    }
}

/// Everything about one person: attributes, access with its reasons, runs and events.
public struct EmployeeDetail: Sendable, Hashable {
    public var employee: EmployeeRow
    public var attributes: [(String, String)]
    public var access: [AccessRow]
    public var runs: [RunRow]
    public var events: [EventRow]

    public init(employee: EmployeeRow, attributes: [(String, String)], access: [AccessRow], runs: [RunRow], events: [EventRow]) {
        self.employee = employee
        self.attributes = attributes
        self.access = access
        self.runs = runs
        self.events = events
    }

    public static func == (lhs: EmployeeDetail, rhs: EmployeeDetail) -> Bool {
        lhs.employee == rhs.employee && lhs.attributes.map { [$0.0, $0.1] } == rhs.attributes.map { [$0.0, $0.1] }
            && lhs.access == rhs.access && lhs.runs == rhs.runs && lhs.events == rhs.events
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(employee)
        hasher.combine(access)
    }
}
