import KeycardCore

/// The capability declarations of every system Keycard provisions, as one catalog for the planner and policy lint.
public enum SystemCatalog {
    /// Every declared system, in a stable order.
    public static let declarations: [SystemCapabilities] = [
        .okta, .google, .slack, .gitlab, .salesforce, .aws, .notion, .jamf, .email, .slackMessage, .calendar,
    ]

    public static let all = CapabilityCatalog(declarations)
}
