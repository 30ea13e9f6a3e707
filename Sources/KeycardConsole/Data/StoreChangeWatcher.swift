import KeycardStore

/// Notices commits made by other processes (a `keycard serve` on the same database), which publish no `RunEvent`
/// here: a small fingerprint of the store (audit head, intake counts, kill switch) read once per interval; a tick
/// only when it moved.
enum StoreChangeWatcher {
    static func changes(of database: KeycardDatabase, every interval: Duration) -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let task = Task {
            var last: [Int]?
            while !Task.isCancelled {
                let current = try? fingerprint(database)
                if let current, let previous = last, current != previous { continuation.yield() }
                last = current ?? last
                try? await Task.sleep(for: interval)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    static func fingerprint(_ database: KeycardDatabase) throws -> [Int] {
        let counts = try database.intakeCounts()
        let head = try database.auditTail(limit: 1).last.map { Int($0.sequence) } ?? 0
        return [
            head, counts.deliveries, counts.applied, counts.held, counts.openDeadLetters, counts.employees,
            try database.engineIsPaused() ? 1 : 0,
        ]
    }
}
