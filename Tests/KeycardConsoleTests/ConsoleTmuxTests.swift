import Foundation
import KeycardTestSupport
import Testing

/// The real `keycard console` binary in a headless tmux: a database with a run made by a real engine, keys typed,
/// the window resized, and a clean quit with exit code 0.
@Suite("Console in tmux", .serialized, .timeLimit(.minutes(2)), .enabled(if: TmuxSession.isAvailable, "tmux is not installed: these tests drive the real binary in tmux (apt-get install tmux)"))
struct ConsoleTmuxTests {
    /// A database with Sarah Chen's run (an approval waiting, a failed step), the engine stopped, and a config whose
    /// sandbox keeps its state in memory.
    struct Workspace {
        let fixture: EngineConsoleFixture
        let directory = TemporaryDirectory(prefix: "keycard-console-e2e")

        init() async throws {
            fixture = try await EngineConsoleFixture()
            await fixture.stop()
            try "organization: Tmux Test Org\nsandbox:\n  database: \":memory:\"\n"
                .write(toFile: directory.path("keycard.yaml"), atomically: true, encoding: .utf8)
        }

        func console(_ extra: [String] = []) throws -> TmuxSession {
            let arguments = [
                KeycardBinary.url.path, "console", "--db", fixture.database.path, "--config", directory.path("keycard.yaml"),
                "--as", EngineConsoleFixture.manager, "--log-file", directory.path("console.log"),
            ]
            return try TmuxSession(arguments + extra, width: 160, height: 45, directory: directory.url)
        }
    }

    @Test func opensARunGoesBackSurvivesResizeAndQuits() async throws {
        let workspace = try await Workspace()
        let tmux = try workspace.console()
        try tmux.waitFor("Runs[1]")
        try tmux.waitFor("Sarah Chen")
        try tmux.waitFor("Tmux Test Org")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Sarah Chen joiner")
        try tmux.waitFor("Okta add to group sales-team")
        try tmux.sendKeys("Escape")
        try tmux.waitFor("Runs[1]")
        try tmux.resize(width: 60, height: 14)
        try tmux.waitFor("Terminal too small: 60×14")
        try tmux.resize(width: 100, height: 30)
        let screen = try tmux.waitFor("Runs[1]")
        #expect(screen.split(separator: "\n").first { $0.hasPrefix("┌") }?.count == 100)
        try tmux.type(":q")
        try tmux.sendKeys("Enter")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func readOnlyWatchesAndQuitsWithQ() async throws {
        let workspace = try await Workspace()
        let tmux = try workspace.console(["--readonly"])
        try tmux.waitFor("READ-ONLY")
        try tmux.waitFor("watching")
        try tmux.type("p")
        try tmux.waitFor("read-only console (--readonly): pause/resume is turned off")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
