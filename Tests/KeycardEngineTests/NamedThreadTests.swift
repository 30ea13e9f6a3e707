import Foundation
@testable import KeycardEngine
import Synchronization
import Testing

@Suite("Named thread")
struct NamedThreadTests {
    @Test("threads started from a pool thread are listed under their own name", .timeLimit(.minutes(1)))
    func listedUnderItsName() async throws {
        let names = Mutex<[String]>([])
        for number in 0..<50 {
            NamedThread.start("keycard-t\(number)") {
                let listed = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "?"
                names.withLock { $0.append(listed.trimmingCharacters(in: .newlines)) }
            }
        }
        let end = Date().addingTimeInterval(20)
        while names.withLock({ $0.count }) < 50, Date() < end { try await Task.sleep(for: .milliseconds(10)) }
        let listed = names.withLock { $0 }
        #expect(Set(listed) == Set((0..<50).map { "keycard-t\($0)" }))
    }
}
