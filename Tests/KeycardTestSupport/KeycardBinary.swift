import Foundation

/// The built `keycard` executable, run as a child process the way a user runs it.
public enum KeycardBinary {
    /// What a finished run printed and returned.
    public struct Result: Sendable {
        public var exitCode: Int32
        public var stdout: String
        public var stderr: String
    }

    /// `keycard` next to the test bundle in the build products folder (`swift build --build-tests` builds it).
    public static var url: URL {
        if let override = ProcessInfo.processInfo.environment["KEYCARD_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("keycard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return FixturePaths.repositoryRoot.appendingPathComponent(".build/debug/keycard")
    }

    /// Runs `keycard ARGS` to completion in `directory` (the repository root by default). Its two output pipes are
    /// drained at once, each on a thread of its own, and the exit is awaited: a child that fills one pipe while the
    /// other is being read would never finish, and a blocked cooperative thread would stall other tests meanwhile.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil, directory: URL? = nil
    ) async throws -> Result {
        let process = try makeProcess(arguments, environment: environment, directory: directory)
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        let exited = AsyncStream<Int32> { continuation in
            process.terminationHandler = { finished in
                continuation.yield(finished.terminationStatus)
                continuation.finish()
            }
        }
        try process.run()
        async let outData = readToEnd(output.fileHandleForReading)
        async let errData = readToEnd(errors.fileHandleForReading)
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        var status = Int32(-1)
        for await code in exited { status = code }
        return Result(exitCode: status, stdout: String(decoding: await outData, as: UTF8.self),
                      stderr: String(decoding: await errData, as: UTF8.self))
    }

    /// Everything the pipe still gives, read on a thread of its own (reading blocks until the writer closes it).
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }

    /// A configured but not started `keycard` process, for long-running commands (serve, console).
    public static func makeProcess(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["KEYCARD_DB"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        process.currentDirectoryURL = directory ?? FixturePaths.repositoryRoot
        return process
    }
}
