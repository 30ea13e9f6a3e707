import Foundation
import KeycardCore

/// An in-memory data source over `PreviewSample`: commands change the sample and notify, so every view
/// and key can be tried without an engine (`keycard console --preview`, tests).
public actor PreviewDataSource: ConsoleDataSource {
    private var runs = PreviewSample.runs
    private var failures = PreviewSample.failures
    private var approvals = PreviewSample.approvals
    private var events = PreviewSample.events
    private var engineState = EngineState.running
    private var listeners: [AsyncStream<Void>.Continuation] = []
    /// Every command performed, in order, for tests.
    public private(set) var performed: [EngineCommand] = []

    public init() {}

    public func snapshot(focus: ConsoleFocus) async throws -> ConsoleSnapshot {
        var snapshot = PreviewSample.snapshot(focus: focus)
        snapshot.runs = runs
        snapshot.failures = failures
        snapshot.approvals = approvals
        snapshot.events = events
        snapshot.engineState = engineState
        return snapshot
    }

    public nonisolated func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        Task { await self.addListener(continuation) }
        return stream
    }

    private func addListener(_ continuation: AsyncStream<Void>.Continuation) {
        listeners.append(continuation)
    }

    private func notify() {
        for listener in listeners { listener.yield() }
    }

    public func perform(_ command: EngineCommand) async throws -> String {
        performed.append(command)
        defer { notify() }
        switch command {
        case .approve(let stepID, _, let approver):
            approvals.removeAll { $0.stepID == stepID }
            return "approved \(stepID) as \(approver)"
        case .deny(let stepID, _, _):
            approvals.removeAll { $0.stepID == stepID }
            return "denied \(stepID); steps that need it are skipped"
        case .retry(let stepID):
            failures.removeAll { $0.stepID == stepID }
            return "retry of \(stepID) queued"
        case .skip(let stepID, _, _):
            failures.removeAll { $0.stepID == stepID }
            approvals.removeAll { $0.stepID == stepID }
            return "skipped \(stepID)"
        case .rollback(let runID, _):
            if let index = runs.firstIndex(where: { $0.id == runID }) { runs[index].state = .rollingBack }
            return "rolling back \(runID)"
        case .pause:
            engineState = .paused
            return "engine paused: no new steps start"
        case .resume:
            engineState = .running
            return "engine resumed"
        case .retryRun(let runID):
            failures.removeAll { $0.runID == runID }
            return "retrying the failed steps of \(runID)"
        case .retryAllFailed(let system):
            let count = failures.filter { $0.system == system }.count
            failures.removeAll { $0.system == system }
            return "retrying \(count) failed \(system) steps"
        case .replayDeadLetter(let eventID):
            if let index = events.firstIndex(where: { $0.id == eventID }) { events[index].status = .replayed }
            return "replayed \(eventID)"
        case .discardDeadLetter(let eventID):
            if let index = events.firstIndex(where: { $0.id == eventID }) { events[index].status = .discarded }
            return "discarded \(eventID)"
        }
    }
}
