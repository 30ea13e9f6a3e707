import Foundation
import KeycardConsole
import Logging
import Synchronization

/// Sends swift-log output to stderr or to a file, never to stdout where `--json` data goes.
enum LogSetup {
    private static let done = Mutex(false)

    static func bootstrap(level: String, file: String?) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        let logLevel = Logger.Level(rawValue: level.lowercased()) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = file.map { FileLogHandler(label: label, path: $0) }
                ?? StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
    }
}
