import Foundation
import KeycardCore
@testable import KeycardEngine
import Testing

@Suite("Run ids")
struct RunFactoryTests {
    @Test("a run id is the UTC creation second, compact, then 8 hex digits: ids sort by creation time")
    func runIDShape() throws {
        let now = try #require(Timestamps.parseInstant("2026-02-03T04:05:06.789Z"))
        let ids = (0..<50).map { _ in RunFactory.newRunID(now: now).rawValue }
        for id in ids {
            #expect(id.hasPrefix("run-20260203T040506-"))
            let random = id.dropFirst("run-20260203T040506-".count)
            #expect(random.count == 8 && random.allSatisfy(\.isHexDigit), "\(id)")
        }
        #expect(Set(ids).count == ids.count)
        let later = RunFactory.newRunID(now: now.addingTimeInterval(1)).rawValue
        #expect(later.hasPrefix("run-20260203T040507-") && later > ids.max()!)
    }
}
