import Foundation
import Synchronization

/// Prints the headless demo's story with the seconds since it began; silent when the console is showing.
final class DemoPrinter: Sendable {
    private let start: Date
    private let enabled: Bool
    private let lock = Mutex(())

    init(start: Date, enabled: Bool) {
        self.start = start
        self.enabled = enabled
    }

    func line(_ text: String) {
        guard enabled else { return }
        let seconds = String(format: "%6.1f", Date().timeIntervalSince(start))
        lock.withLock { _ in FileHandle.standardOutput.write(Data("[\(seconds) s] \(text)\n".utf8)) }
    }
}
