import Foundation
import KeycardAdapters
import KeycardCore
import Testing

@Suite("Sandbox latency and rate limits")
struct SandboxLimitsTests {
    @Test func rateLimitAnswers429WithRetryAfter() async throws {
        let limited = SystemBehavior(rateLimit: RateLimitSettings(perSecond: 2, burst: 2))
        let sandbox = try SandboxHarness(SandboxConfiguration(systems: ["okta": limited], onCrash: .throw))
        let people = (1...4).map { Employee(id: "emp-\($0)", attributes: [:]) }
        #expect(await sandbox.failure("okta", "create_user", employee: people[0]) == nil)
        #expect(await sandbox.failure("okta", "create_user", employee: people[1]) == nil)
        let refused = try #require(await sandbox.failure("okta", "create_user", employee: people[2]))
        #expect(refused.kind == .rateLimited)
        #expect(abs((refused.retryAfter ?? 0) - 0.5) < 1e-9)
        #expect(try sandbox.store.account(system: "okta", employeeID: "emp-3") == nil)
        #expect(try sandbox.store.callCount(system: "okta") == 2)
        sandbox.clock.advance(by: 0.5)
        #expect(await sandbox.failure("okta", "create_user", employee: people[2]) == nil)
        #expect(await sandbox.failure("okta", "create_user", employee: people[3])?.kind == .rateLimited)
        #expect(await sandbox.failure("google", "create_account") == nil)
    }

    @Test func perMinuteLimitRefillsSlowly() {
        let settings = RateLimitSettings(perSecond: 600.0 / 60, burst: 1)
        #expect(settings.perSecond == 10)
    }

    @Test func uniformLatencyStaysWithinBounds() async throws {
        let behavior = SystemBehavior(latencyMs: .uniform(min: 20, max: 80))
        let sandbox = try SandboxHarness(SandboxConfiguration(seed: 7, defaults: behavior, onCrash: .throw))
        for index in 0..<200 {
            try await sandbox.call("email", "send", ["template": "t\(index)"])
        }
        let sleeps = sandbox.clock.sleeps
        #expect(sleeps.count == 200)
        #expect(sleeps.allSatisfy { $0 >= 0.020 && $0 <= 0.080 })
        #expect(Set(sleeps.map { Int($0 * 1000) }).count > 20)
    }

    @Test func lognormalLatencyHasItsMedianAndCap() async throws {
        let behavior = SystemBehavior(latencyMs: .lognormal(median: 40, p99: 300, max: 500))
        let sandbox = try SandboxHarness(SandboxConfiguration(defaults: behavior, onCrash: .throw))
        for index in 0..<400 {
            try await sandbox.call("email", "send", ["template": "t\(index)"])
        }
        let sorted = sandbox.clock.sleeps.sorted()
        #expect(sorted.last! <= 0.5)
        #expect((0.030...0.055).contains(sorted[200]))
    }

    @Test func sameSeedSameLatencies() async throws {
        func latencies() async throws -> [TimeInterval] {
            let behavior = SystemBehavior(latencyMs: .uniform(min: 0, max: 100))
            let sandbox = try SandboxHarness(SandboxConfiguration(seed: 42, defaults: behavior, onCrash: .throw))
            for index in 0..<20 { try await sandbox.call("email", "send", ["template": "t\(index)"]) }
            return sandbox.clock.sleeps
        }
        #expect(try await latencies() == latencies())
    }

    @Test func slowCallTimesOutWithoutEffect() async throws {
        let behavior = SystemBehavior(latencyMs: .fixed(900), timeoutMs: 250)
        let sandbox = try SandboxHarness(SandboxConfiguration(systems: ["okta": behavior], onCrash: .throw))
        let error = await sandbox.failure("okta", "create_user")
        #expect(error?.kind == .retryable && error?.message.contains("timed out after 250 ms") == true)
        #expect(sandbox.clock.sleeps == [0.25])
        #expect(try sandbox.store.account(system: "okta", employeeID: "emp-001") == nil)
    }
}
