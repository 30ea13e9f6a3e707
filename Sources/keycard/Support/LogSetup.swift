import Foundation
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
        let handle: FileHandle
        if let file {
            if !FileManager.default.fileExists(atPath: file) {
                _ = FileManager.default.createFile(atPath: file, contents: nil)
            }
            handle = FileHandle(forWritingAtPath: file) ?? FileHandle.standardError
            _ = try? handle.seekToEnd()
        } else {
            handle = FileHandle.standardError
        }
        LoggingSystem.bootstrap { label in
            var handler = FileLogHandler(label: label, handle: handle)
            handler.logLevel = logLevel
            return handler
        }
    }
}

/// A swift-log handler writing one line per message to a file handle.
struct FileLogHandler: LogHandler {
    let label: String
    let handle: FileHandle
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let meta = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let line = "\(Date().formatted(.iso8601)) \(event.level) \(label): \(event.message)\(meta)\n"
        handle.write(Data(line.utf8))
    }
}
