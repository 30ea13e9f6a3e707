import KeycardCore

/// Why grants could not be turned into a plan: every problem found, each naming the grant and the fix.
public struct PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One reason a plan is impossible.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case unknownSystem(grant: String, system: String, known: [String])
        case unknownAction(grant: String, system: String, action: String, known: [String])
        case missingParameter(grant: String, parameter: String)
        case unknownRequirement(step: String, requirement: String)
        case requirementNeedsParameters(step: String, requirement: String, parameters: [String])
        case cycle([String])

        public var description: String {
            switch self {
            case .unknownSystem(let grant, let system, let known):
                return "grant \(grant): unknown system \"\(system)\" (known systems: \(known.joined(separator: ", ")))"
            case .unknownAction(let grant, let system, let action, let known):
                return "grant \(grant): system \(system) has no action \"\(action)\" "
                    + "(its actions: \(known.joined(separator: ", ")))"
            case .missingParameter(let grant, let parameter):
                return "grant \(grant): missing parameter \"\(parameter)\" the action needs"
            case .unknownRequirement(let step, let requirement):
                return "step \(step) requires \(requirement), which no system in the catalog declares"
            case .requirementNeedsParameters(let step, let requirement, let parameters):
                return "step \(step) requires \(requirement), which needs parameters "
                    + "\(parameters.joined(separator: ", ")); add a grant for it"
            case .cycle(let path):
                return "dependency cycle (each step needs the next): " + path.joined(separator: " → ")
            }
        }
    }

    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }

    public var description: String {
        "cannot plan: " + problems.map(\.description).joined(separator: "; ")
    }
}
