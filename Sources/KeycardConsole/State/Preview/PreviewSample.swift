import Foundation
import KeycardCore

/// A fixed, realistic console snapshot (Acme's on-call morning): Sarah Chen's six-tier joiner run in
/// progress, a high-risk approval, failures, a rolled-back run, dead letters. For tests, snapshots and `--preview`.
public enum PreviewSample {
    /// The sample's "now": 2026-03-02 03:17:42 UTC.
    public static let now = Date(timeIntervalSince1970: 1_772_421_462)

    /// A clock that starts at the sample's "now" and then runs in real time, so durations tick in `--preview`.
    public static var clock: any KeycardClock { ShiftedClock(start: now) }

    struct ShiftedClock: KeycardClock {
        let start: Date
        let launched = Date()

        var now: Date { start.addingTimeInterval(Date().timeIntervalSince(launched)) }

        func sleep(until deadline: Date) async throws {
            try await SystemClock().sleep(until: Date().addingTimeInterval(deadline.timeIntervalSince(now)))
        }
    }

    static func at(_ hour: Int, _ minute: Int, _ second: Int, dayOffset: Int = 0) -> Date {
        let seconds: Int = dayOffset * 86400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: 1_772_409_600 + Double(seconds))
    }

    static func why(_ policy: String, _ condition: String) -> Justification {
        let digest = String(policy.hashValueStable, radix: 16)
        let version = "sha256:" + String((digest + "0c4f9e2a7b1d").prefix(12))
        return Justification(policyID: policy, policyVersion: version, condition: condition, file: "policies/\(policy).yaml")
    }

    public static func snapshot(focus: ConsoleFocus = ConsoleFocus()) -> ConsoleSnapshot {
        ConsoleSnapshot(
            organization: "Acme Corp", databasePath: "~/.keycard/demo.sqlite", engineState: .running, takenAt: now,
            runs: runs, failures: failures, approvals: approvals, employees: employees, systems: systems, events: events,
            audit: audit, auditChain: .verified(records: 1_284, at: at(3, 17, 30)),
            runDetail: focus.runID.flatMap(runDetail), employeeDetail: focus.employeeID.flatMap(employeeDetail))
    }

    public static let sarahRunID = "run-1042"

    public static let runs: [RunRow] = [
        RunRow(id: "run-1042", employeeID: "E1042", employeeName: "Sarah Chen", kind: .joiner, state: .running, stepsDone: 11, stepsTotal: 19, currentTier: 4, tierCount: 6, waitingApprovals: 1, startedAt: at(3, 5, 10)),
        RunRow(id: "run-1043", employeeID: "E1043", employeeName: "Noah Williams", kind: .joiner, state: .awaitingApproval, stepsDone: 9, stepsTotal: 16, currentTier: 4, tierCount: 6, waitingApprovals: 1, startedAt: at(3, 9, 2)),
        RunRow(id: "run-1044", employeeID: "E0977", employeeName: "Tom Becker", kind: .leaver, state: .running, stepsDone: 6, stepsTotal: 11, currentTier: 2, tierCount: 3, failures: 1, startedAt: at(3, 12, 40)),
        RunRow(id: "run-1041", employeeID: "E1041", employeeName: "Priya Natarajan", kind: .joiner, state: .completedWithFailures, stepsDone: 17, stepsTotal: 18, currentTier: nil, tierCount: 6, failures: 1, startedAt: at(2, 41, 5), finishedAt: at(2, 52, 37)),
        RunRow(id: "run-1040", employeeID: "E0812", employeeName: "Luis García", kind: .mover, state: .succeeded, stepsDone: 8, stepsTotal: 8, currentTier: nil, tierCount: 3, startedAt: at(2, 30, 0), finishedAt: at(2, 33, 41)),
        RunRow(id: "run-1039", employeeID: "E1039", employeeName: "Jordan Blake", kind: .joiner, state: .rolledBack, stepsDone: 0, stepsTotal: 14, currentTier: nil, tierCount: 6, failures: 1, startedAt: at(2, 12, 9), finishedAt: at(2, 14, 55)),
        RunRow(id: "run-1038", employeeID: "E1038", employeeName: "Aiko Tanaka 田中愛子", kind: .joiner, state: .succeeded, stepsDone: 18, stepsTotal: 18, currentTier: nil, tierCount: 6, startedAt: at(1, 58, 30), finishedAt: at(2, 9, 2)),
        RunRow(id: "run-1037", employeeID: "E0655", employeeName: "Marcus Webb", kind: .leaver, state: .succeeded, stepsDone: 12, stepsTotal: 12, currentTier: nil, tierCount: 3, startedAt: at(23, 0, 0, dayOffset: -1), finishedAt: at(23, 2, 18, dayOffset: -1)),
        RunRow(id: "run-1045", employeeID: "E1045", employeeName: "Emma Schulz", kind: .joiner, state: .scheduled, stepsDone: 0, stepsTotal: 17, currentTier: nil, tierCount: 6, startedAt: nil),
        RunRow(id: "run-1036", employeeID: "E0731", employeeName: "Olivia Martins", kind: .mover, state: .succeeded, stepsDone: 6, stepsTotal: 6, currentTier: nil, tierCount: 2, startedAt: at(18, 20, 11, dayOffset: -1), finishedAt: at(18, 21, 3, dayOffset: -1)),
    ]

    public static let failures: [FailureRow] = [
        FailureRow(stepID: "run-1044/gitlab-block", runID: "run-1044", employeeName: "Tom Becker", stepTitle: "Block GitLab user", system: "gitlab", error: "503 Service Unavailable (retrying at 03:18:10)", attempts: 3, maxAttempts: 5, failedAt: at(3, 17, 5)),
        FailureRow(stepID: "run-1041/salesforce-license", runID: "run-1041", employeeName: "Priya Natarajan", stepTitle: "Assign Salesforce license", system: "salesforce", error: "permanent: no licenses left in profile 'Sales User' (LICENSE_LIMIT_EXCEEDED)", attempts: 1, maxAttempts: 5, failedAt: at(2, 50, 12)),
        FailureRow(stepID: "run-1039/okta-create", runID: "run-1039", employeeName: "Jordan Blake", stepTitle: "Create Okta account", system: "okta", error: "permanent: login jordan.blake@acme.example already used by a deactivated user", attempts: 1, maxAttempts: 5, failedAt: at(2, 12, 11), critical: true),
    ]

    public static let approvals: [ApprovalRow] = [
        ApprovalRow(stepID: "run-1042/aws-prod-readonly", runID: "run-1042", employeeID: "E1042", employeeEmail: "sarah.chen@acme.example", employeeName: "Sarah Chen", grant: "aws:assign_role role=prod-readonly", grantName: "prod-readonly", policy: "eng-backend-aws", whySensitive: "read access to production customer data", approvers: "manager (dana.kim@acme.example)", requestedAt: at(3, 11, 58), expiresAt: at(3, 11, 58, dayOffset: 2)),
        ApprovalRow(stepID: "run-1043/aws-prod-admin", runID: "run-1043", employeeID: "E1043", employeeEmail: "noah.williams@acme.example", employeeName: "Noah Williams", grant: "aws:assign_role role=prod-admin account=payments-production", grantName: "prod-admin", policy: "sre-oncall", whySensitive: "administrator on every production account", approvers: "manager + group security-approvers", requestedAt: at(3, 14, 31), expiresAt: at(15, 14, 31), highRisk: true),
    ]
}
