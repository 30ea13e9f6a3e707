import Dispatch
import Foundation
import Synchronization

/// SIGINT and SIGTERM as a flag long-running commands check, so they stop cleanly after in-flight work.
final class ShutdownSignal {
    private let sources: [any DispatchSourceSignal]
    private let requested = Flag()

    init() {
        var sources: [any DispatchSourceSignal] = []
        let flag = requested
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.set() }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    var isRequested: Bool { requested.value }

    /// Sleeps up to `seconds`, returning early when a signal arrives.
    func sleep(seconds: Double) async {
        let deadline = Date().addingTimeInterval(seconds)
        while !isRequested, Date() < deadline {
            try? await Task.sleep(for: .milliseconds(min(50, max(1, Int(deadline.timeIntervalSinceNow * 1000)))))
        }
    }

    private final class Flag: Sendable {
        private let storage = Mutex(false)
        var value: Bool { storage.withLock { $0 } }
        func set() { storage.withLock { $0 = true } }
    }
}
