import Foundation
import KeycardCore
@testable import KeycardEngine
import Testing

@Suite("Run ids")
struct RunFactoryTests {
    @Test("a run id is the UTC creation second, compact, then 8 hex digits of the process's sequence: ids sort by creation")
    func runIDShape() throws {
        let now = try #require(Timestamps.parseInstant("2026-02-03T04:05:06.789Z"))
        let ids = (0..<50).map { _ in RunFactory.newRunID(now: now).rawValue }
        for id in ids {
            #expect(id.hasPrefix("run-20260203T040506-"))
            let sequence = id.dropFirst("run-20260203T040506-".count)
            #expect(sequence.count == 8 && sequence.allSatisfy(\.isHexDigit), "\(id)")
        }
        #expect(ids == ids.sorted() && Set(ids).count == ids.count, "ids of one second follow creation order")
        let later = RunFactory.newRunID(now: now.addingTimeInterval(1)).rawValue
        #expect(later.hasPrefix("run-20260203T040507-") && later > ids.max()!)
    }

    @Test("ids made on many threads at once are all distinct")
    func concurrentIDsAreDistinct() async throws {
        let now = try #require(Timestamps.parseInstant("2026-02-03T04:05:06Z"))
        let ids = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { (0..<500).map { _ in RunFactory.newRunID(now: now).rawValue } } }
            return await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(Set(ids).count == 4_000)
    }
}
