import ArgumentParser
import Foundation
import KeycardCore
import KeycardPolicy
import KeycardStore

/// Helpers shared by the policy commands.
enum PolicyCLI {
    static func load(directory: String) throws -> PolicySet {
        do {
            return try PolicySet.load(directory: directory)
        } catch {
            throw CLIError("policies in \(directory) have \(error.problems.count) problem(s):\n\(error.description)")
        }
    }

    /// Stored employees when the database file exists, else none.
    static func storedEmployees(_ global: GlobalOptions) throws -> [Employee] {
        guard FileManager.default.fileExists(atPath: global.databasePath) else { return [] }
        return try global.openDatabase().employees()
    }

    /// Employees from a JSON file: an array of attribute objects (each with `employee_id`) or of canonical events.
    static func employees(file: String) throws -> [Employee] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CLIError("cannot read employees file \(file): \(error.localizedDescription)")
        }
        do {
            let items = try JSONDecoder().decode([[String: AttributeValue]].self, from: data)
            return items.enumerated().map { position, attributes in
                Employee(id: attributes[CanonicalAttribute.employeeID]?.stringValue ?? "employee-\(position + 1)", attributes: attributes)
            }
        } catch {
            guard let events = try? JSONDecoder().decode([PlanEvent].self, from: data) else {
                throw CLIError("\(file) must hold a JSON array of employee attribute objects (with employee_id) or of canonical events")
            }
            return events.map(\.employee)
        }
    }

    /// One grant per line: system, action, parameters, flags, and the policies that gave it.
    static func grantLines(_ grants: [Grant], marker: String = " ") -> [String] {
        let rows = grants.map { grant -> [String] in
            let parameters = grant.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            var flags: [String] = []
            if grant.critical { flags.append("critical") }
            if let approval = grant.approval { flags.append("approval:" + approverText(approval.approvers)) }
            if let bundle = grant.bundle { flags.append("bundle:" + bundle) }
            return [grant.system, grant.action, parameters, flags.joined(separator: ","),
                    grant.justifications.map(\.policyID).joined(separator: ", ")]
        }
        var widths = [Int](repeating: 0, count: 5)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            "  \(marker) " + row.enumerated().map { index, cell in
                index == row.count - 1 ? "← " + cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }

    static func approverText(_ approvers: ApprovalRequirement.Approvers) -> String {
        switch approvers {
        case .manager: return "manager"
        case .group(let name): return "group:" + name
        case .managerAndGroup(let name): return "manager+group:" + name
        }
    }

    /// Parses `system:action key=value ...` (one argument with spaces, or several).
    static func grantPattern(_ words: [String]) throws -> GrantKey {
        let parts = words.flatMap { $0.split(separator: " ").map(String.init) }
        guard let head = parts.first, let colon = head.firstIndex(of: ":"), colon != head.startIndex else {
            throw CLIError("grant must look like system:action [key=value ...], e.g. salesforce:create_user profile=sales-engineer")
        }
        var parameters: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { throw CLIError("grant parameter '\(part)' must be key=value") }
            parameters[String(part[..<equals])] = String(part[part.index(after: equals)...])
        }
        return GrantKey(system: String(head[..<colon]), action: String(head[head.index(after: colon)...]), parameters: parameters)
    }
}
