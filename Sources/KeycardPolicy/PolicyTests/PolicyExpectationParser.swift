import KeycardCore
import Yams

/// Reads policy test files: a YAML list of `{ name, employee: {attributes}, grants | includes | excludes }`.
public enum PolicyExpectationParser {
    /// Loads every YAML file under `directory`, sorted by path.
    public static func load(directory: String) throws(PolicyLoadError) -> [PolicyExpectation] {
        var expectations: [PolicyExpectation] = []
        var problems: [PolicyProblem] = []
        for file in try PolicySet.readFiles(directory: directory) {
            let parsed = parse(file.text, file: file.path)
            expectations += parsed.expectations
            problems += parsed.problems
        }
        if !problems.isEmpty { throw PolicyLoadError(problems) }
        return expectations
    }

    public static func parse(_ text: String, file: String) -> (expectations: [PolicyExpectation], problems: [PolicyProblem]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return ([], [PolicyFileParser.problem(from: error, file: file)])
        } catch {
            return ([], [PolicyProblem(file: file, line: 1, message: "YAML error: \(error)")])
        }
        guard case .sequence(let items)? = root else {
            return ([], [PolicyProblem(file: file, line: root?.mark?.line ?? 1, message: "a policy test file holds a list of expectations")])
        }
        var expectations: [PolicyExpectation] = []
        var problems: [PolicyProblem] = []
        for item in items {
            let line = item.mark?.line ?? 1
            guard case .mapping(let mapping) = item, let name = mapping["name"]?.string,
                  case .mapping(let employeeNode)? = mapping["employee"]
            else {
                problems.append(PolicyProblem(file: file, line: line, message: "an expectation needs 'name' and an 'employee' mapping"))
                continue
            }
            var attributes: [String: AttributeValue] = [:]
            for (key, value) in employeeNode {
                if let key = key.string { attributes[key] = attributeValue(value) }
            }
            let id = attributes[CanonicalAttribute.employeeID]?.stringValue ?? name
            do {
                let exact = try mapping["grants"].map(grantKeys)
                if exact == nil && mapping["includes"] == nil && mapping["excludes"] == nil {
                    throw PolicyProblem(file: file, line: line, message: "expectation '\(name)' has no grants, includes or excludes")
                }
                expectations.append(PolicyExpectation(
                    name: name, file: file, line: line, employee: Employee(id: id, attributes: attributes), grants: exact,
                    includes: try mapping["includes"].map(grantKeys) ?? [],
                    excludes: try mapping["excludes"].map(grantKeys) ?? []))
            } catch let problem as PolicyProblem {
                problems.append(problem)
            } catch {
                problems.append(PolicyProblem(file: file, line: line, message: "\(error)"))
            }
        }
        return (expectations, problems)

        func grantKeys(_ node: Node) throws -> [GrantKey] {
            guard case .sequence(let grants) = node else {
                throw PolicyProblem(file: file, line: node.mark?.line ?? 1, message: "expected a list of grants")
            }
            return try grants.map { grant in
                guard case .mapping(let fields) = grant, let system = fields["system"]?.string,
                      let action = fields["action"]?.string
                else {
                    throw PolicyProblem(file: file, line: grant.mark?.line ?? 1, message: "a grant needs 'system' and 'action'")
                }
                var parameters: [String: String] = [:]
                for (key, value) in fields {
                    guard let key = key.string, key != "system", key != "action", let text = value.string else { continue }
                    parameters[key] = text
                }
                return GrantKey(system: system, action: action, parameters: parameters)
            }
        }
    }

    /// Plain `true`/`false` → bool, plain integers → int, sequences → lists, anything else a string.
    static func attributeValue(_ node: Node) -> AttributeValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            if scalar.string == "true" || scalar.string == "false" { return .bool(scalar.string == "true") }
            if scalar.string == "null" || scalar.string == "~" { return .null }
            if let value = Int(scalar.string) { return .int(value) }
            return .string(scalar.string)
        case .sequence(let items): return .list(items.map(attributeValue))
        case .mapping: return .null
        }
    }
}

extension PolicyProblem: Error {}
