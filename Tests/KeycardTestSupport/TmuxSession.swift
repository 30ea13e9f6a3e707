import Foundation

/// A program running in a private, headless tmux server, driven like a person at a terminal: for end-to-end tests
/// of full-screen commands. Private socket (`-L`), no user config (`-f /dev/null`), `escape-time 0` so Esc arrives at
/// once, a UTF-8 locale; waits poll the screen until text appears (or time runs out), never sleep a fixed time.
public final class TmuxSession: Sendable {
    /// A wait that ran out of time, with the screen as it was.
    public struct Timeout: Error, CustomStringConvertible {
        public var waitingFor: String
        public var screen: String
        public var description: String { "timed out waiting for \(waitingFor); screen was:\n\(screen)" }
    }

    /// A tmux command that failed.
    public struct CommandFailed: Error, CustomStringConvertible {
        public var arguments: [String]
        public var status: Int32
        public var output: String
        public var description: String { "tmux \(arguments.joined(separator: " ")) exited \(status): \(output)" }
    }

    public let socket: String
    public let target = "main"
    private let directory: TemporaryDirectory
    private static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["TMUX"] = nil
        return environment
    }()

    /// True when a `tmux` executable is on the PATH.
    public static var isAvailable: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/tmux")
        }
    }

    /// Starts `command` (argv) in a `width`×`height` window, in `directory` with `environment` added.
    public init(
        _ command: [String], width: Int = 160, height: Int = 45, environment: [String: String] = [:], directory: URL? = nil
    ) throws {
        self.directory = TemporaryDirectory(prefix: "keycard-tmux")
        socket = "keycard-test-\(UUID().uuidString.prefix(8))"
        let exitFile = self.directory.path("exit-code")
        var exports = ["LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color"]
        exports += environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let cd = directory.map { "cd \(Self.quote($0.path)) && " } ?? ""
        let script = "\(cd)env \(exports.joined(separator: " ")) \(command.map(Self.quote).joined(separator: " ")); "
            + "echo $? > \(Self.quote(exitFile))"
        try tmux([
            "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", "sh", "-c", script, ";",
            "set-option", "-g", "escape-time", "0", ";", "set-option", "-g", "remain-on-exit", "on",
        ])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Sends key names as tmux knows them (`Enter`, `Escape`, `Tab`, `Up`, `C-c`) or single characters.
    public func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// Types text literally, character by character.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", text])
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen as plain text.
    public func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", target])
    }

    /// Polls the screen until `text` is on it; returns that screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        try waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds for it; returns that screen.
    @discardableResult
    public func waitUntil(_ what: String, timeout: Double = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = (try? capture()) ?? screen
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.02)
        } while Date() < deadline
        throw Timeout(waitingFor: what, screen: screen)
    }

    /// Waits for the program to end and returns its exit code.
    public func waitForExit(timeout: Double = 15) throws -> Int32 {
        let file = directory.path("exit-code")
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let text = try? String(contentsOfFile: file, encoding: .utf8),
               let code = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return code
            }
            Thread.sleep(forTimeInterval: 0.02)
        } while Date() < deadline
        throw Timeout(waitingFor: "the program to exit", screen: (try? capture()) ?? "")
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        // A file, not a pipe: the server tmux forks on `new-session` inherits it and would keep a pipe open forever.
        let outputPath = directory.path("tmux-output-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let status = try Self.spawnAndWait(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, output: outputPath)
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else { throw CommandFailed(arguments: arguments, status: status, output: text) }
        return text
    }

    /// posix_spawn + waitpid: Foundation's `Process` can miss the exit of a client whose child (the tmux server)
    /// daemonizes, and then waits forever.
    private static func spawnAndWait(_ argv: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let environment = Self.environment.map { "\($0.key)=\($0.value)" }
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = environment.map { strdup($0) } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        // The test runner's threads block most signals; a tmux server inheriting that mask never handles SIGTERM or
        // SIGCHLD (it cannot be killed and never notices its pane ended). Start it with an empty mask and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArguments, &cEnvironment)
        guard spawned == 0 else {
            throw CommandFailed(arguments: argv, status: spawned, output: "posix_spawnp failed: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
