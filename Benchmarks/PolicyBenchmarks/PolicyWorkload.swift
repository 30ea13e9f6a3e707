import Foundation
import KeycardCore
import KeycardPolicy

/// The shared birthright workload (`gen.py`): rules translated into Keycard policy files, employees, and the reference answers.
struct PolicyWorkload {
    var policyFiles: [(path: String, text: String)]
    var employees: [Employee]
    /// Employee id → sorted grant names, for the first 200 employees.
    var expected: [String: [String]]

    /// Reads `rules.json`, `bundles.json`, `employees.json` and `expected.json` from `directory`.
    static func load(directory: String) throws -> PolicyWorkload {
        func read(_ name: String) throws -> Data {
            try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
        let rules = try JSONDecoder().decode([WorkloadRule].self, from: read("rules.json"))
        let bundles = try JSONDecoder().decode([String: String].self, from: read("bundles.json"))
        let rows = try JSONDecoder().decode([[String: AttributeValue]].self, from: read("employees.json"))
        let expected = try JSONDecoder().decode([String: [String]].self, from: read("expected.json"))
        let employees = rows.map { Employee(id: $0["id"]?.stringValue ?? "", attributes: $0) }
        return PolicyWorkload(policyFiles: [("rules.yaml", translate(rules, bundles: bundles))], employees: employees, expected: expected)
    }

    /// Finds the workload: `$KEYCARD_POLICY_WORKLOAD`, else generates it with the shared `gen.py` into a temp folder.
    static func locate() throws -> String {
        if let directory = ProcessInfo.processInfo.environment["KEYCARD_POLICY_WORKLOAD"] { return directory }
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let candidates = [
            ProcessInfo.processInfo.environment["KEYCARD_SHARED"].map { URL(fileURLWithPath: $0) },
            here.appendingPathComponent("../../../shared"), URL(fileURLWithPath: "/work/shared"),
        ].compactMap { $0?.appendingPathComponent("bench/policy-workload/gen.py").standardizedFileURL }
        guard let generator = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw WorkloadError("set KEYCARD_POLICY_WORKLOAD (see Benchmarks/scripts/policy-workload.sh)")
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("keycard-policy-workload")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator.path, output.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw WorkloadError("\(generator.path) failed") }
        return output.path
    }

    /// Grant names as the workload spells them (`okta-group::dept-sales`), sorted.
    static func names(_ grants: [Grant]) -> [String] {
        grants.map { "\($0.system)::\($0.parameters["item"] ?? "")" }.sorted()
    }

    /// Checks the first 200 employees against `expected.json`; returns the mismatches.
    func mismatches(_ set: PolicySet) -> [String] {
        employees.prefix(200).compactMap { employee in
            let got = Self.names(set.evaluate(employee))
            let want = expected[employee.id] ?? []
            return got == want ? nil : "\(employee.id): got \(got.count) grants, expected \(want.count): "
                + "missing \(Set(want).subtracting(got).sorted()), extra \(Set(got).subtracting(want).sorted())"
        }
    }

    /// One policy per rule: permits give `system::item` as `{system, action: grant, item}`, forbids deny a bundle.
    static func translate(_ rules: [WorkloadRule], bundles: [String: String]) -> String {
        var lines: [String] = []
        for rule in rules {
            lines.append("- id: \(rule.id)")
            lines.append("  when: \(quoted(condition(rule.cond)))")
            if rule.effect == "forbid" {
                lines.append("  effect: deny")
                lines.append("  bundle: \(rule.bundle ?? "")")
            } else if let grant = rule.grant, let separator = grant.range(of: "::") {
                let system = grant[..<separator.lowerBound], item = grant[separator.upperBound...]
                let bundle = bundles[grant].map { ", bundle: \($0)" } ?? ""
                lines.append("  grants:")
                lines.append("    - { system: \(system), action: grant, item: \(item)\(bundle) }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func literal(_ value: WorkloadValue) -> String {
        switch value {
        case .string(let text): return "\"" + text + "\""
        case .int(let number): return String(number)
        case .bool(let flag): return String(flag)
        case .list(let items): return "[" + items.map(literal).joined(separator: ", ") + "]"
        }
    }

    static func condition(_ node: WorkloadCondition) -> String {
        switch node {
        case .leaf(let op, let attribute, let value):
            switch op {
            case "eq": return "employee.\(attribute) == \(literal(value))"
            case "in": return "employee.\(attribute) in \(literal(value))"
            case "ge": return "employee.\(attribute) >= \(literal(value))"
            case "contains": return "employee.\(attribute).contains(\(literal(value)))"
            default: return "employee.\(attribute) == true"
            }
        case .and(let items): return items.map { "(" + condition($0) + ")" }.joined(separator: " && ")
        case .or(let items): return items.map { "(" + condition($0) + ")" }.joined(separator: " || ")
        }
    }
}

struct WorkloadError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One entry of `rules.json`.
struct WorkloadRule: Decodable {
    var id: String
    var effect: String
    var grant: String?
    var bundle: String?
    var cond: WorkloadCondition
}

/// A literal in a rule condition.
enum WorkloadValue: Decodable {
    case string(String), int(Int), bool(Bool), list([WorkloadValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Int.self) { self = .int(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else { self = .list(try container.decode([WorkloadValue].self)) }
    }
}

/// A rule condition tree: `["eq", attr, v]`, `["and", c...]`, ...
indirect enum WorkloadCondition: Decodable {
    case leaf(String, String, WorkloadValue)
    case and([WorkloadCondition])
    case or([WorkloadCondition])

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let op = try container.decode(String.self)
        if op == "and" || op == "or" {
            var items: [WorkloadCondition] = []
            while !container.isAtEnd { items.append(try container.decode(WorkloadCondition.self)) }
            self = op == "and" ? .and(items) : .or(items)
        } else {
            let attribute = try container.decode(String.self)
            let value = container.isAtEnd ? .bool(true) : try container.decode(WorkloadValue.self)
            self = .leaf(op, attribute, value)
        }
    }
}
