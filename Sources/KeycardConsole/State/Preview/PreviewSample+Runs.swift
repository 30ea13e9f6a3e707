import Foundation
import KeycardCore

extension PreviewSample {
    static func step(
        _ id: String, _ title: String, _ system: String, _ action: String, _ state: StepState, needs: [String] = [],
        from start: Date? = nil, to end: Date? = nil, attempts: [StepAttemptRow]? = nil, parameters: [String: String] = [:],
        why: [Justification] = [], approver: String? = nil, approvalReason: String? = nil, confirmation: String? = nil, critical: Bool = false
    ) -> StepCell {
        let tries = attempts ?? (start.map { [StepAttemptRow(number: 1, startedAt: $0, finishedAt: end)] } ?? [])
        return StepCell(
            id: "run-1042/\(id)", title: title, system: system, action: action, state: state, dependsOn: needs.map { "run-1042/\($0)" },
            startedAt: start, finishedAt: end, attempts: tries, parameters: parameters, justifications: why, approver: approver,
            approvalReason: approvalReason, confirmationID: confirmation ?? (state == .succeeded ? "cf-" + String(id.hashValueStable, radix: 36) : nil), critical: critical)
    }

    /// Sarah Chen's joiner run: the six tiers of the seed (identity → base access → department → role → device → notifications).
    static var sarahRun: RunDetailModel {
        let base = why("base-access", "employment_type in [\"full_time\", \"contractor\"]")
        let eng = why("dept-engineering", "department == \"Engineering\"")
        let backend = why("eng-backend", "team == \"Backend\"")
        let device = why("devices-laptop", "work_arrangement != \"frontline\"")
        let welcome = why("notify-joiner", "event == \"employee.hired\"")
        let tiers = [
            RunTier(number: 1, name: "Identity", steps: [
                step("okta-create", "Create Okta account", "okta", "create_user", .succeeded, from: at(3, 5, 10), to: at(3, 5, 12), parameters: ["login": "sarah.chen@acme.example", "temporary_password": "Xk2!p9…"], why: [base], critical: true),
                step("google-create", "Create Google account", "google", "create_user", .succeeded, from: at(3, 5, 10), to: at(3, 5, 31),
                     attempts: [StepAttemptRow(number: 1, startedAt: at(3, 5, 10), finishedAt: at(3, 5, 14), error: "429 Too Many Requests (Retry-After 15s)"), StepAttemptRow(number: 2, startedAt: at(3, 5, 29), finishedAt: at(3, 5, 31))],
                     parameters: ["primary_email": "sarah.chen@acme.example", "org_unit": "/Engineering"], why: [base], critical: true),
            ]),
            RunTier(number: 2, name: "Base access", steps: [
                step("okta-all-staff", "Okta group all-staff", "okta", "add_to_group", .succeeded, needs: ["okta-create"], from: at(3, 5, 32), to: at(3, 5, 33), parameters: ["group": "all-staff"], why: [base]),
                step("google-everyone", "Google group everyone@", "google", "add_to_group", .succeeded, needs: ["google-create"], from: at(3, 5, 32), to: at(3, 5, 35), parameters: ["group": "everyone@acme.example"], why: [base]),
                step("slack-invite", "Invite to Slack", "slack", "invite_user", .succeeded, needs: ["okta-create"], from: at(3, 5, 32), to: at(3, 5, 40), why: [base]),
                step("notion-invite", "Invite to Notion", "notion", "invite_member", .succeeded, needs: ["okta-create"], from: at(3, 5, 32), to: at(3, 5, 37), why: [base]),
            ]),
            RunTier(number: 3, name: "Department", steps: [
                step("okta-engineering", "Okta group engineering", "okta", "add_to_group", .succeeded, needs: ["okta-all-staff"], from: at(3, 5, 41), to: at(3, 5, 42), parameters: ["group": "engineering"], why: [eng]),
                step("gitlab-engineering", "GitLab group engineering", "gitlab", "add_to_group", .succeeded, needs: ["okta-create"], from: at(3, 5, 41), to: at(3, 6, 58),
                     attempts: [StepAttemptRow(number: 1, startedAt: at(3, 5, 41), finishedAt: at(3, 6, 11), error: "timeout after 30s"), StepAttemptRow(number: 2, startedAt: at(3, 6, 52), finishedAt: at(3, 6, 58))],
                     parameters: ["group": "engineering", "access_level": "developer"], why: [eng]),
                step("slack-engineering", "Slack #engineering", "slack", "add_to_channel", .succeeded, needs: ["slack-invite"], from: at(3, 5, 41), to: at(3, 5, 43), parameters: ["channel": "#engineering"], why: [eng]),
                step("notion-engineering", "Notion teamspace Eng", "notion", "add_to_teamspace", .succeeded, needs: ["notion-invite"], from: at(3, 5, 41), to: at(3, 5, 45), parameters: ["teamspace": "Engineering"], why: [eng]),
            ]),
            RunTier(number: 4, name: "Role", steps: [
                step("gitlab-payments", "GitLab payments maintainer", "gitlab", "add_to_group", .succeeded, needs: ["gitlab-engineering"], from: at(3, 7, 0), to: at(3, 7, 9), parameters: ["group": "payments", "access_level": "maintainer"], why: [backend]),
                step("aws-developer", "AWS role developer", "aws", "assign_role", .running, needs: ["okta-engineering"], from: at(3, 17, 20), parameters: ["role": "developer", "account": "staging"], why: [backend]),
                step("aws-prod-readonly", "AWS role prod-readonly", "aws", "assign_role", .awaitingApproval, needs: ["okta-engineering"], parameters: ["role": "prod-readonly", "account": "production"], why: [why("eng-backend-aws", "team == \"Backend\" and level >= \"L4\"")]),
            ]),
            RunTier(number: 5, name: "Device", steps: [
                step("laptop-order", "Order MacBook Pro 14\"", "abm", "order_device", .pending, needs: ["okta-create"], parameters: ["model": "MacBook Pro 14\" M4", "ship_to": "Berlin office"], why: [device]),
                step("jamf-profile", "Jamf profile Engineering", "jamf", "assign_profile", .pending, needs: ["laptop-order"], parameters: ["profile": "engineering-macos"], why: [device]),
            ]),
            RunTier(number: 6, name: "Notifications", steps: [
                step("welcome-email", "Welcome email", "email", "send_template", .pending, needs: ["google-create"], parameters: ["template": "welcome-engineering", "to": "sarah.chen@acme.example"], why: [welcome]),
                step("calendar-invite", "Orientation invite", "calendar", "send_invite", .pending, needs: ["google-create"], parameters: ["event": "Engineering orientation, Mon 10:00"], why: [welcome]),
                step("slack-manager", "Slack DM to manager", "slack", "send_message", .pending, needs: ["slack-invite"], parameters: ["to": "dana.kim", "api_token": "xoxb-1234"], why: [welcome]),
            ]),
        ]
        return RunDetailModel(run: runs[0], tiers: tiers)
    }

    public static func runDetail(_ id: String) -> RunDetailModel? {
        if id == sarahRunID { return sarahRun }
        guard let run = runs.first(where: { $0.id == id }) else { return nil }
        let states: [StepState] = run.state == .succeeded ? [.succeeded, .succeeded] : (run.state == .rolledBack ? [.failed, .compensated] : [.succeeded, .running])
        let start = run.startedAt ?? now
        let tier = RunTier(number: 1, name: run.kind == .leaver ? "Revoke" : "Identity", steps: [
            StepCell(id: "\(id)/okta-create", title: run.kind == .leaver ? "Suspend Okta user" : "Create Okta account", system: "okta", action: "create_user", state: states[0], startedAt: start, finishedAt: start.addingTimeInterval(3), critical: true),
            StepCell(id: "\(id)/google-create", title: run.kind == .leaver ? "Suspend Google user" : "Create Google account", system: "google", action: "create_user", state: states[1], startedAt: start, finishedAt: states[1] == .running ? nil : start.addingTimeInterval(5)),
        ])
        return RunDetailModel(run: run, tiers: [tier])
    }
}

extension String {
    /// A hash that is the same in every process (Swift's `hashValue` is seeded per run).
    var hashValueStable: UInt64 {
        utf8.reduce(UInt64(14695981039346656037)) { ($0 ^ UInt64($1)) &* 1099511628211 } % 2_000_000_000
    }
}
