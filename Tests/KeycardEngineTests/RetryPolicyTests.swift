import KeycardEngine
import Testing

@Suite("Retry backoff")
struct RetryPolicyTests {
    @Test("full jitter stays between zero and the exponential ceiling, which is capped")
    func bounds() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.5, maxDelay: 8, multiplier: 2, jitter: .full)
        #expect((1...7).map { policy.ceiling(afterAttempt: $0) } == [0.5, 1, 2, 4, 8, 8, 8])
        for attempt in 1...7 {
            for unit in stride(from: 0.0, to: 1.0, by: 0.125) {
                let delay = policy.delay(afterAttempt: attempt, unit: unit)
                #expect(delay >= 0 && delay <= policy.ceiling(afterAttempt: attempt))
            }
        }
        #expect(policy.delay(afterAttempt: 3, unit: 0.5) == 1)
    }

    @Test("without jitter the delay is the ceiling (the benchmark's fixed 100 ms)")
    func fixed() {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: 0.1, maxDelay: 0.1, multiplier: 1, jitter: .none)
        #expect(policy.delay(afterAttempt: 1, unit: 0.3) == 0.1)
        #expect(policy.delay(afterAttempt: 2, unit: 0.9) == 0.1)
    }
}
