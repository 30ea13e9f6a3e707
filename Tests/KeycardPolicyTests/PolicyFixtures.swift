import Foundation
import KeycardCore
import KeycardPolicy
import KeycardTestSupport

/// Shared inputs of the policy tests: the demo policies and Sarah Chen from the seed.
enum PolicyFixtures {
    static var demoPolicies: String {
        FixturePaths.repositoryRoot.appendingPathComponent("fixtures/demo/policies").path
    }

    static var demoPolicyTests: String {
        FixturePaths.repositoryRoot.appendingPathComponent("fixtures/demo/policy-tests").path
    }

    static func demoSet() throws -> PolicySet {
        try PolicySet.load(directory: demoPolicies)
    }

    static let sarah = Employee(id: "EMP-2024-0042", attributes: [
        "employee_id": .string("EMP-2024-0042"), "email": .string("sarah.chen@company.com"),
        "first_name": .string("Sarah"), "last_name": .string("Chen"), "job_title": .string("Sales Engineer"),
        "department": .string("Sales"), "team": .string("Enterprise Sales"), "employment_type": .string("full_time"),
        "start_date": .string("2024-02-01"), "manager_email": .string("mike.johnson@company.com"),
        "location": .string("San Francisco, CA"), "work_arrangement": .string("hybrid"),
    ])

    static func employee(_ id: String, _ attributes: [String: AttributeValue]) -> Employee {
        Employee(id: id, attributes: attributes)
    }

    static func employee(_ attributes: [String: AttributeValue]) -> Employee {
        Employee(id: "E1", attributes: attributes)
    }

    /// A policy set from inline YAML files.
    static func set(_ files: [String: String]) throws -> PolicySet {
        try PolicySet(files: files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
}
