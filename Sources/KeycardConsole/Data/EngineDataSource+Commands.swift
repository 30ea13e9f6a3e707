import Foundation
import KeycardCore
import KeycardEngine
import KeycardStore

/// A command the data source will not pass on, with the reason for the flash line.
public struct ConsoleRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

extension EngineDataSource {
    public func perform(_ command: EngineCommand) async throws -> String {
        if readOnly {
            throw ConsoleRefusal("read-only console (--readonly): \(Self.verb(command)) is turned off")
        }
        do {
            return try await route(command)
        } catch let error as EngineError {
            throw ConsoleRefusal("\(Self.verb(command)) refused: \(error)")
        }
    }

    private func route(_ command: EngineCommand) async throws -> String {
        switch command {
        case .approve(let stepID, let reason, let approver):
            let label = try stepLabel(stepID)
            let outcome = try await engine.approve(step: StepID(stepID), by: approver, reason: reason)
            return Self.describe(outcome, "approved \(label) as \(approver)")
        case .deny(let stepID, let reason, let approver):
            let label = try stepLabel(stepID)
            let outcome = try await engine.deny(step: StepID(stepID), by: approver, reason: reason)
            return Self.describe(outcome, "denied \(label); steps that need it are skipped")
        case .retry(let stepID):
            let label = try stepLabel(stepID)
            return Self.describe(try await engine.retry(step: StepID(stepID), by: actor), "retry of \(label) started")
        case .retryRun(let runID):
            return Self.describe(try await engine.retry(run: RunID(runID), by: actor), "retrying the failed steps of \(runID)")
        case .skip(let stepID, let reason, let person):
            let label = try stepLabel(stepID)
            return Self.describe(try await engine.skip(step: StepID(stepID), by: person, reason: reason), "skipped \(label)")
        case .rollback(let runID, let person):
            let outcome = try await engine.rollback(run: RunID(runID), by: person, reason: "rolled back from the console")
            return Self.describe(outcome, "rolling back \(runID)")
        case .pause(let person):
            try await engine.pause(by: person)
            return "engine paused by \(person): no new steps start"
        case .resume(let person):
            try await engine.resume(by: person)
            return "engine resumed by \(person)"
        case .retryAllFailed(let system):
            return try await retryAll(system: system)
        case .replayDeadLetter(let eventID):
            let id = try deadLetterNumber(eventID)
            guard let replayDeadLetter else { throw ConsoleRefusal("replay is not available in this console") }
            let message = try await replayDeadLetter(id, actor)
            notifyChanged()
            return message
        case .discardDeadLetter(let eventID):
            let id = try deadLetterNumber(eventID)
            let now = clock.now
            do {
                try database.resolveDeadLetter(id: id, as: .discarded, resolution: "discarded from the console by \(actor)", at: now)
                try database.appendAudit(AuditEntry(
                    timestamp: now, action: "discard_dead_letter", result: "accepted", actor: actor, detail: eventID))
            } catch let error as StoreError {
                throw ConsoleRefusal("discard refused: \(error)")
            }
            notifyChanged()
            return "discarded \(eventID)"
        }
    }

    /// Retries every failed step of one system, run by run; reports how many runs took it and the first refusal.
    private func retryAll(system: String) async throws -> String {
        let runs = Set(try engine.failures().filter { $0.system == system }.map(\.runID)).sorted()
        guard !runs.isEmpty else { throw ConsoleRefusal("no failed \(system) steps to retry") }
        var retried = 0
        var refusals: [String] = []
        for run in runs {
            let steps = try engine.failures().filter { $0.system == system && $0.runID == run }
            for step in steps {
                do {
                    _ = try await engine.retry(step: step.id, by: actor)
                    retried += 1
                } catch {
                    refusals.append("\(step.id): \(error)")
                }
            }
        }
        let summary = "retrying \(retried) failed \(system) step\(retried == 1 ? "" : "s")"
        guard let first = refusals.first else { return summary }
        if retried == 0 { throw ConsoleRefusal("retry all refused: \(first)") }
        return summary + "; \(refusals.count) refused (\(first))"
    }

    private func stepLabel(_ stepID: String) throws -> String {
        do {
            return try engine.step(StepID(stepID)).label
        } catch {
            if case .notFound = error { throw ConsoleRefusal("no step \(stepID)") }
            throw error
        }
    }

    private func deadLetterNumber(_ eventID: String) throws -> Int64 {
        guard let id = StoreRowMapping.deadLetterNumber(eventID) else {
            throw ConsoleRefusal("\(eventID) is not a dead letter")
        }
        return id
    }

    static func describe(_ outcome: CommandOutcome, _ applied: String) -> String {
        switch outcome {
        case .applied: return applied
        case .queued(let id): return "\(applied): queued as command \(id) for the engine process holding the run"
        }
    }

    static func verb(_ command: EngineCommand) -> String {
        switch command {
        case .approve: return "approve"
        case .deny: return "deny"
        case .retry, .retryRun: return "retry"
        case .skip: return "skip"
        case .rollback: return "rollback"
        case .pause: return "pause"
        case .resume: return "resume"
        case .retryAllFailed: return "retry all"
        case .replayDeadLetter: return "replay"
        case .discardDeadLetter: return "discard"
        }
    }
}
