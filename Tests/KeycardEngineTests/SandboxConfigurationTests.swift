import Foundation
import KeycardAdapters
import Testing

@Suite("Sandbox configuration")
struct SandboxConfigurationTests {
    static let json = """
        {
          "database": "/tmp/sandbox.sqlite", "seed": 9, "on_crash": "throw",
          "defaults": {"latency_ms": {"min": 20, "max": 80}},
          "systems": {
            "okta": {"latency_ms": {"distribution": "lognormal", "median": 40, "p99": 300}, "error_rate": 0.01,
                     "rate_limit": {"per_minute": 600, "burst": 20}, "timeout_ms": 5000},
            "jamf": {"latency_ms": 120},
            "slack_message": {"error_rate": 0.5}
          },
          "faults": [
            {"system": "slack", "action": "invite_user", "call": 2},
            {"system": "google", "action": "create_account", "times": 2, "error": "rate_limited", "retry_after": 1.5},
            {"system": "okta", "action": "create_user", "call": 1, "effect": "crash"}
          ]
        }
        """

    @Test func decodesSnakeCaseKeys() throws {
        let configuration = try JSONDecoder().decode(SandboxConfiguration.self, from: Data(Self.json.utf8))
        #expect(configuration.seed == 9 && configuration.onCrash == .throw)
        #expect(configuration.behavior(of: "okta").rateLimit == RateLimitSettings(perSecond: 10, burst: 20))
        #expect(configuration.behavior(of: "okta").latencyMs?.shape == .lognormal)
        #expect(configuration.behavior(of: "jamf").latencyMs == .fixed(120))
        #expect(configuration.behavior(of: "slack").latencyMs == .uniform(min: 20, max: 80))
        #expect(configuration.faults[1] == SandboxFault(
            system: "google", action: "create_account", times: 2, error: .rateLimited, retryAfter: 1.5))
        #expect(configuration.faults[2].effect == .crash)
        #expect(configuration.problems(against: SystemCatalog.all).isEmpty)
    }

    @Test func decodesWithADecoderThatConvertsSnakeCase() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let configuration = try decoder.decode(SandboxConfiguration.self, from: Data(Self.json.utf8))
        #expect(configuration.behavior(of: "okta").errorRate == 0.01)
        #expect(configuration.faults[1].retryAfter == 1.5)
        #expect(configuration.behavior(of: "slack_message").errorRate == 0.5)
        #expect(configuration.problems(against: SystemCatalog.all).isEmpty)
    }

    @Test func roundTripsThroughItsEncoding() throws {
        let configuration = try JSONDecoder().decode(SandboxConfiguration.self, from: Data(Self.json.utf8))
        let encoded = try JSONEncoder().encode(configuration)
        #expect(String(decoding: encoded, as: UTF8.self).contains("\"on_crash\""))
        #expect(try JSONDecoder().decode(SandboxConfiguration.self, from: encoded) == configuration)
    }

    @Test func rejectsAnUnknownKey() {
        let json = #"{"systems": {"okta": {"latncy_ms": 20}}}"#
        #expect {
            try JSONDecoder().decode(SandboxConfiguration.self, from: Data(json.utf8))
        } throws: { error in
            "\(error)".contains("unknown key 'latncy_ms'")
        }
    }

    @Test func namesEveryProblemWithItsField() {
        let configuration = SandboxConfiguration(
            defaults: SystemBehavior(latencyMs: .uniform(min: 90, max: 10), errorRate: 2),
            systems: ["oktaa": SystemBehavior()],
            faults: [
                SandboxFault(system: "slack", action: "teleport"), SandboxFault(system: "okta", call: 1, times: 2),
            ])
        let problems = configuration.problems(against: SystemCatalog.all)
        #expect(problems.contains("sandbox.defaults.latency_ms: min (90.0) is above max (10.0)"))
        #expect(problems.contains("sandbox.defaults.error_rate: must be between 0 and 1, got 2.0"))
        #expect(problems.contains { $0.hasPrefix("sandbox.systems.oktaa: unknown system") })
        #expect(problems.contains { $0.hasPrefix("sandbox.faults[0].action: slack has no action 'teleport'") })
        #expect(problems.contains { $0.hasPrefix("sandbox.faults[1]: give either `call`") })
        #expect(throws: SandboxConfigurationError.self) {
            try SandboxSystems.make(configuration: configuration, clock: SandboxRecordingClock())
        }
    }
}
