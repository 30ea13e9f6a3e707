import GRDB
import Synchronization

/// Another connection to the engine's database that can hold its write lock.
final class WriteLock: Sendable {
    private let queue: DatabaseQueue
    private let held = Mutex(false)

    init(path: String) throws {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        configuration.busyMode = .timeout(10)
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    var isHeld: Bool { held.withLock { $0 } }

    func take() throws {
        try queue.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        held.withLock { $0 = true }
    }

    func release() {
        let wasHeld = held.withLock { held in
            defer { held = false }
            return held
        }
        if wasHeld { try? queue.inDatabase { db in try db.execute(sql: "ROLLBACK") } }
    }
}
