import Foundation
import KeycardTestSupport
import Testing

/// `keycard demo` as a newcomer runs it: the real binary in tmux, the console on the live demo.
@Suite("keycard demo in the console", .serialized, .timeLimit(.minutes(2)),
       .enabled(if: TmuxSession.isAvailable, "tmux is not installed: this test drives the real demo in tmux (apt-get install tmux)"))
struct DemoConsoleTests {
    private func row(_ screen: String, _ name: String, _ state: String) -> Bool {
        screen.split(separator: "\n").contains { $0.contains(name) && $0.contains(state) }
    }

    @Test("Sarah's run completes, the approval is given, a failed step retried, the rollback seen, resize, clean quit")
    func newcomerTour() throws {
        let directory = TemporaryDirectory(prefix: "keycard-demo-e2e")
        let tmux = try TmuxSession(
            [KeycardBinary.url.path, "demo", "--speed", "4", "--dir", directory.path("."),
             "--fixtures", FixturePaths.fixture("demo").path],
            width: 160, height: 45, directory: FixturePaths.repositoryRoot)

        try tmux.waitFor("Acme Corp")
        try tmux.waitUntil("Sarah Chen's run succeeded", timeout: 30) { row($0, "Sarah Chen", "succeeded") }

        try tmux.waitFor("Approvals 1", timeout: 30)
        try tmux.type(":approvals")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("for Dan Park")
        try tmux.type("a")
        try tmux.waitFor("Reason:")
        try tmux.type("new engineer's on-call needs prod")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Type DeveloperProd")
        try tmux.type("DeveloperProd")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("[ Approve ]")
        try tmux.sendKeys("Tab", "Enter")
        try tmux.waitFor("approved aws:assign_permission_set")

        try tmux.type(":failures")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Lena Moreno", timeout: 30)
        try tmux.type("/Lena")
        try tmux.sendKeys("Enter")
        try tmux.waitUntil("only Lena's failure listed") { !$0.contains("Omar Haddad") && $0.contains("Lena Moreno") }
        try tmux.type("r")
        try tmux.waitFor("retry of slack:add_to_channel")

        try tmux.type(":runs")
        try tmux.sendKeys("Enter")
        try tmux.waitUntil("Omar Haddad's run rolled back", timeout: 30) { row($0, "Omar Haddad", "rolled-back") }
        try tmux.waitUntil("Dan Park's run succeeded after the approval", timeout: 30) { row($0, "Dan Park", "succeeded") }
        try tmux.waitUntil("Lena Moreno's run succeeded after the retry", timeout: 30) { row($0, "Lena Moreno", "succeeded") }

        try tmux.resize(width: 60, height: 14)
        try tmux.waitFor("Terminal too small")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitUntil("the runs list redrawn at 100 columns") { screen in
            screen.contains("Runs[") && screen.split(separator: "\n").first { $0.hasPrefix("┌") }?.count == 100
        }
        try tmux.type("q")
        #expect(try tmux.waitForExit(timeout: 20) == 0)
    }
}
