import Foundation
import KeycardCore

extension PreviewSample {
    public static let employees: [EmployeeRow] = [
        EmployeeRow(id: "E1042", name: "Sarah Chen", email: "sarah.chen@acme.example", department: "Engineering", title: "Senior Backend Engineer", status: "active", accessCount: 12, runCount: 1),
        EmployeeRow(id: "E1043", name: "Noah Williams", email: "noah.williams@acme.example", department: "Engineering", title: "Site Reliability Engineer", status: "active", accessCount: 9, runCount: 1),
        EmployeeRow(id: "E0977", name: "Tom Becker", email: "tom.becker@acme.example", department: "Sales", title: "Account Executive", status: "leaver", accessCount: 5, runCount: 2),
        EmployeeRow(id: "E1041", name: "Priya Natarajan", email: "priya.natarajan@acme.example", department: "Sales", title: "Sales Engineer", status: "active", accessCount: 17, runCount: 1),
        EmployeeRow(id: "E0812", name: "Luis García", email: "luis.garcia@acme.example", department: "Product", title: "Product Manager", status: "active", accessCount: 14, runCount: 3),
        EmployeeRow(id: "E1039", name: "Jordan Blake", email: "jordan.blake@acme.example", department: "Marketing", title: "Content Designer", status: "pre-hire", accessCount: 0, runCount: 1),
        EmployeeRow(id: "E1038", name: "Aiko Tanaka 田中愛子", email: "aiko.tanaka@acme.example", department: "Design", title: "Product Designer", status: "active", accessCount: 18, runCount: 1),
        EmployeeRow(id: "E1045", name: "Emma Schulz", email: "emma.schulz@acme.example", department: "Finance", title: "Controller", status: "pre-hire", accessCount: 0, runCount: 1),
        EmployeeRow(id: "E0001", name: "Dana Kim", email: "dana.kim@acme.example", department: "Engineering", title: "Engineering Manager", status: "active", accessCount: 21, runCount: 1),
    ]

    public static let systems: [SystemRow] = [
        SystemRow(system: "okta", displayName: "Okta", health: .healthy, inFlight: 3, maxInFlight: 8, rateRemaining: 540, rateCapacity: 600, queueDepth: 4, etaSeconds: 2, recentCalls: [3, 5, 9, 12, 8, 6, 4, 7, 11, 6, 3, 4]),
        SystemRow(system: "google", displayName: "Google Workspace", health: .healthy, inFlight: 1, maxInFlight: 4, rateRemaining: 1_410, rateCapacity: 1_500, queueDepth: 2, etaSeconds: 1, recentCalls: [2, 2, 4, 6, 3, 1, 0, 2, 5, 3, 2, 1]),
        SystemRow(system: "slack", displayName: "Slack", health: .degraded, inFlight: 2, maxInFlight: 2, rateRemaining: 3, rateCapacity: 20, queueDepth: 9, etaSeconds: 27, recentCalls: [1, 4, 8, 9, 9, 9, 8, 9, 9, 9, 9, 9], note: "429s: honouring Retry-After 15s"),
        SystemRow(system: "gitlab", displayName: "GitLab", health: .down, inFlight: 0, maxInFlight: 4, rateRemaining: 600, rateCapacity: 600, queueDepth: 3, etaSeconds: nil, failedSteps: 1, recentCalls: [4, 3, 5, 2, 0, 0, 0, 1, 0, 0, 1, 0], note: "503 since 03:16:40"),
        SystemRow(system: "salesforce", displayName: "Salesforce", health: .healthy, inFlight: 0, maxInFlight: 2, rateRemaining: 98, rateCapacity: 100, queueDepth: 0, etaSeconds: nil, failedSteps: 1, recentCalls: [0, 1, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0]),
        SystemRow(system: "aws", displayName: "AWS IAM Identity Center", health: .healthy, inFlight: 1, maxInFlight: 4, rateRemaining: 19, rateCapacity: 20, queueDepth: 1, etaSeconds: 3, recentCalls: [0, 0, 1, 0, 0, 2, 1, 0, 0, 1, 0, 1]),
        SystemRow(system: "notion", displayName: "Notion", health: .healthy, inFlight: 0, maxInFlight: 3, rateRemaining: 170, rateCapacity: 180, queueDepth: 0, etaSeconds: nil, recentCalls: [1, 2, 1, 0, 3, 1, 0, 0, 2, 0, 0, 0]),
        SystemRow(system: "jamf", displayName: "Jamf Pro", health: .healthy, inFlight: 0, maxInFlight: 2, rateRemaining: 60, rateCapacity: 60, queueDepth: 1, etaSeconds: 4, recentCalls: [0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0]),
        SystemRow(system: "email", displayName: "SMTP (mail.acme)", health: .healthy, inFlight: 0, maxInFlight: 4, rateRemaining: 120, rateCapacity: 120, queueDepth: 3, etaSeconds: 2, recentCalls: [1, 0, 2, 1, 0, 1, 3, 0, 1, 0, 2, 1]),
    ]

    public static let events: [EventRow] = [
        EventRow(id: "evt-7f3a", receivedAt: at(3, 12, 38), source: "bamboohr", type: "employee.terminated", employee: "Tom Becker", status: .accepted, runID: "run-1044"),
        EventRow(id: "evt-7f31", receivedAt: at(3, 10, 2), source: "hibob", type: "employee.hired", employee: "unknown (E1050)", status: .deadLetter, fieldErrors: [FieldError(path: "data.start_date", reason: "not a date: \"2026-13-01\""), FieldError(path: "data.email", reason: "missing (required for a hire)")]),
        EventRow(id: "evt-7f2e", receivedAt: at(3, 9, 0), source: "canonical", type: "employee.hired", employee: "Noah Williams", status: .accepted, runID: "run-1043"),
        EventRow(id: "evt-7f2a", receivedAt: at(3, 5, 8), source: "canonical", type: "employee.hired", employee: "Sarah Chen", status: .accepted, runID: "run-1042"),
        EventRow(id: "evt-7f29", receivedAt: at(3, 5, 9), source: "canonical", type: "employee.hired", employee: "Sarah Chen", status: .duplicate),
        EventRow(id: "evt-7f20", receivedAt: at(2, 58, 44), source: "workday", type: "employee.updated", employee: "unknown (W-88231)", status: .deadLetter, fieldErrors: [FieldError(path: "signature", reason: "HMAC does not match (check the webhook secret)")]),
        EventRow(id: "evt-7f1c", receivedAt: at(2, 41, 0), source: "rippling", type: "employee.hired", employee: "Priya Natarajan", status: .accepted, runID: "run-1041"),
        EventRow(id: "evt-7f18", receivedAt: at(2, 29, 57), source: "bamboohr", type: "employee.updated", employee: "Luis García", status: .accepted, runID: "run-1040"),
    ]

    public static let audit: [AuditRow] = [
        AuditRow(sequence: 1284, at: at(3, 17, 20), runID: "run-1042", employee: "Sarah Chen", system: "aws", action: "assign_role", result: "started", hash: "9f2c41d07ab35e66"),
        AuditRow(sequence: 1283, at: at(3, 17, 5), runID: "run-1044", employee: "Tom Becker", system: "gitlab", action: "block_user", result: "failed", hash: "41aa09c3e57d2b18"),
        AuditRow(sequence: 1282, at: at(3, 14, 31), runID: "run-1043", employee: "Noah Williams", system: "aws", action: "approval_requested", result: "awaiting", hash: "c07d5e21f9a84b3e"),
        AuditRow(sequence: 1281, at: at(3, 13, 2), runID: "run-1044", employee: "Tom Becker", system: "okta", action: "suspend_user", result: "succeeded", confirmationID: "00u7xk2q9", hash: "e8b1f0a47c2d9365"),
        AuditRow(sequence: 1280, at: at(3, 11, 58), runID: "run-1042", employee: "Sarah Chen", system: "aws", action: "approval_requested", result: "awaiting", hash: "5d93ab0e17c4f826"),
        AuditRow(sequence: 1279, at: at(3, 7, 9), runID: "run-1042", employee: "Sarah Chen", system: "gitlab", action: "add_to_group", result: "succeeded", confirmationID: "member-88412", hash: "a1c7e93f05b2d468"),
        AuditRow(sequence: 1278, at: at(2, 55, 0), runID: "system", employee: "-", system: "engine", action: "resume", result: "succeeded", approver: "dana.kim@acme.example", hash: "73f0c5a9e2d1b846"),
        AuditRow(sequence: 1277, at: at(2, 14, 55), runID: "run-1039", employee: "Jordan Blake", system: "google", action: "delete_user (compensation)", result: "succeeded", confirmationID: "g-55d1", hash: "0be64d2a91c7f35e"),
    ]

    public static func employeeDetail(_ id: String) -> EmployeeDetail? {
        guard let employee = employees.first(where: { $0.id == id }) else { return nil }
        let detail = runDetail(runs.first { $0.employeeID == id }?.id ?? "")
        let access = (detail?.steps ?? []).map { AccessRow(grant: "\($0.system):\($0.action) \($0.parameters.sorted { $0.key < $1.key }.filter { !$0.key.contains("password") && !$0.key.contains("token") }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))", state: $0.state, justifications: $0.justifications) }
        let attributes: [(String, String)] = [
            ("employee_id", employee.id), ("email", employee.email), ("department", employee.department), ("job_title", employee.title),
            ("team", employee.department == "Engineering" ? "Backend" : "-"), ("employment_type", "full_time"), ("start_date", "2026-03-02"),
            ("manager_email", "dana.kim@acme.example"), ("location", "Berlin, DE"), ("work_arrangement", "hybrid"),
        ]
        return EmployeeDetail(
            employee: employee, attributes: attributes, access: access, runs: runs.filter { $0.employeeID == id },
            events: events.filter { $0.employee == employee.name })
    }
}
