import Foundation
import KeycardCore
import KeycardStore

/// Decodes deliveries and stores them durably; shared by `keycard ingest`, the webhook server and replay.
public struct IntakePipeline: Sendable {
    public let database: KeycardDatabase
    public let clock: any KeycardClock
    private let committer: GroupCommitter

    public init(database: KeycardDatabase, clock: any KeycardClock = SystemClock()) {
        self.database = database
        self.clock = clock
        self.committer = GroupCommitter(database: database, clock: clock)
    }

    /// Decodes a delivery with the source's decoder: one item per event it carries.
    public static func decode(source: IntakeSource, body: Data, headers: [String: String]) -> [DeliveryItem] {
        EventDecoders.decoder(for: source).decode(body: body, headers: headers).map { item in
            switch item {
            case .event(let event): return .event(event)
            case .invalid(let failure, let body): return .invalid(failure.errors, body: body)
            }
        }
    }

    /// Decodes and stores one delivery in its own transaction; returns one outcome per item.
    public func ingest(source: IntakeSource, body: Data, headers: [String: String] = [:]) throws -> [IngestOutcome] {
        let items = Self.decode(source: source, body: body, headers: headers)
        let delivery = RawDelivery(source: source.rawValue, headers: headers, body: body, receivedAt: clock.now)
        return try database.ingest(delivery, items: items, now: clock.now)
    }

    /// Decodes and stores one delivery, committed together with whatever else arrives meanwhile
    /// (group commit); returns only after the commit.
    public func ingestConcurrently(source: IntakeSource, body: Data, headers: [String: String]) async throws -> [IngestOutcome] {
        let items = Self.decode(source: source, body: body, headers: headers)
        let delivery = RawDelivery(source: source.rawValue, headers: headers, body: body, receivedAt: clock.now)
        return try await committer.commit(delivery, items: items)
    }

    /// Re-reads a dead letter (or a fixed body for it) as a new delivery; marks it replayed when nothing is rejected.
    public func replay(deadLetterID: Int64, fixedBody: Data? = nil) throws -> [IngestOutcome] {
        guard let letter = try database.deadLetter(id: deadLetterID) else {
            throw IntakeError.deadLetterNotFound(deadLetterID)
        }
        guard letter.status == .open else {
            throw IntakeError.deadLetterResolved(deadLetterID, letter.status)
        }
        let source = IntakeSource(rawValue: letter.source) ?? .canonical
        let body = fixedBody ?? letter.body
        let headers = ["X-Keycard-Replay-Of": String(deadLetterID)]
        let outcomes = try ingest(source: source, body: body, headers: headers)
        let rejected = outcomes.contains { if case .rejected = $0 { return true } else { return false } }
        if !rejected {
            let note = fixedBody == nil ? "replayed as received" : "replayed with a corrected body"
            try database.resolveDeadLetter(id: deadLetterID, as: .replayed, resolution: note, at: clock.now)
        }
        return outcomes
    }
}
