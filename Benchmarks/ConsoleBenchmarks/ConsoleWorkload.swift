import Foundation
import KeycardConsole
import KeycardCore

/// Console states to render: a Runs list of 10,000 runs and one run of 200 steps in 8 tiers, at 160×45.
enum ConsoleWorkload {
    static let now = Date(timeIntervalSince1970: 1_772_421_462)
    static let kinds: [RunKind] = [.joiner, .joiner, .joiner, .mover, .leaver]
    static let states: [RunState] = [.succeeded, .succeeded, .running, .awaitingApproval, .completedWithFailures, .rolledBack, .scheduled]

    static func runs(_ count: Int) -> [RunRow] {
        (0..<count).map { index in
            let state = states[index % states.count]
            let started = now.addingTimeInterval(-Double(index) * 37)
            return RunRow(
                id: "run-\(index)", employeeID: "E\(index)", employeeName: "Employee \(index) Lastname\(index % 97)",
                kind: kinds[index % kinds.count], state: state, stepsDone: index % 19, stepsTotal: 19,
                currentTier: state.isTerminal ? nil : 1 + index % 6, tierCount: 6, waitingApprovals: state == .awaitingApproval ? 1 : 0,
                failures: state == .completedWithFailures ? 1 : 0, startedAt: state == .scheduled ? nil : started,
                finishedAt: state.isTerminal ? started.addingTimeInterval(95) : nil)
        }
    }

    static func run(steps count: Int, tiers: Int) -> RunDetailModel {
        let perTier = count / tiers
        let stepStates: [StepState] = [.succeeded, .succeeded, .running, .failed, .awaitingApproval, .pending, .skipped]
        let systems = ["okta", "google", "slack", "gitlab", "aws", "notion", "jamf", "email"]
        var result: [RunTier] = []
        for tier in 0..<tiers {
            let steps = (0..<perTier).map { index -> StepCell in
                let number = tier * perTier + index
                let start = now.addingTimeInterval(Double(number) * 2 - 600)
                return StepCell(
                    id: "run-big/s\(number)", title: "\(systems[number % systems.count]) add to group team-\(number)",
                    system: systems[number % systems.count], action: "add_to_group", state: stepStates[number % stepStates.count],
                    dependsOn: tier == 0 ? [] : ["run-big/s\((tier - 1) * perTier + index % perTier)"], startedAt: start,
                    finishedAt: start.addingTimeInterval(1.5), attempts: [StepAttemptRow(number: 1, startedAt: start, finishedAt: start.addingTimeInterval(1.5))],
                    parameters: ["group": "team-\(number)"])
            }
            result.append(RunTier(number: tier + 1, name: "Tier \(tier + 1)", steps: steps))
        }
        let row = RunRow(
            id: "run-big", employeeID: "E1", employeeName: "Sarah Chen", kind: .joiner, state: .running, stepsDone: count / 2,
            stepsTotal: count, currentTier: tiers / 2, tierCount: tiers, startedAt: now.addingTimeInterval(-600))
        return RunDetailModel(run: row, tiers: result)
    }

    static func state(runs: [RunRow], detail: RunDetailModel? = nil, timeline: Bool = false) -> ConsoleState {
        let snapshot = ConsoleSnapshot(
            organization: "Acme Corp", databasePath: "/var/lib/keycard/keycard.sqlite", engineState: .running, takenAt: now,
            runs: runs, runDetail: detail)
        var state = ConsoleState(snapshot: snapshot, actor: "dana.kim@acme.example", now: now, width: 160, height: 45)
        if let detail { _ = ConsoleReducer.reduce(&state, .select(row: 0)); state.stack.append(.run(id: detail.run.id)) }
        state.timelineShown = timeline
        return state
    }
}
