import Foundation
import KeycardCore

/// A short human title for a stored step (`Okta add to group all-staff`), from the system's display name,
/// the action and the parameter that tells steps of one action apart.
enum StepTitle {
    /// Parameters that name what an action acts on, most telling first.
    static let primaryKeys = [
        "group", "role", "permission_set", "channel", "teamspace", "profile", "template", "license", "event", "model",
        "project", "repository",
    ]

    static func make(system: String, action: String, parameters: [String: String], displayNames: [String: String]) -> String {
        let name = displayNames[system] ?? system
        let verb = action.replacingOccurrences(of: "_", with: " ")
        guard let key = primaryKeys.first(where: { parameters[$0] != nil }), let value = parameters[key] else {
            return "\(name) \(verb)"
        }
        return "\(name) \(verb) \(value)"
    }

    /// The word a high-risk approval must be typed as: the value that names the access (`prod-admin`).
    static func grantName(action: String, parameters: [String: String]) -> String {
        primaryKeys.lazy.compactMap { parameters[$0] }.first ?? action
    }
}
