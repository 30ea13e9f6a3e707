import DequeModule
import Foundation
import KeycardCore

/// One system's admission control, shared by all runs: a queue, a cap on calls in flight, and a token bucket
/// that slows down after 429s and recovers as calls succeed. The bucket follows the calls' schedule
/// (`CallPacer.admission`): half the configured burst, 0.2 % under its rate.
struct SystemGate {
    let system: String
    let limits: SystemLimits
    private(set) var inFlight = 0
    private(set) var tokens: Double
    /// The bucket's size and its full refill rate.
    private let capacity: Double
    private let rate: Double
    private var lastRefill: Date
    /// Fraction of the configured rate currently allowed (1 = full speed).
    private(set) var rateFactor = 1.0
    private var blockedUntil: Date?
    private var averageLatency = 0.05
    var queue = Deque<StepRef>()

    init(system: String, limits: SystemLimits, now: Date) {
        self.system = system
        self.limits = limits
        (rate, capacity) = CallPacer.admission(limits)
        self.tokens = capacity
        self.lastRefill = now
    }

    var currentRate: Double { max(rate * rateFactor, 0.001) }

    /// How long an empty bucket takes to fill: the loop never waits longer than this for tokens to accumulate.
    var fillTime: TimeInterval { capacity / currentRate }

    private mutating func refill(now: Date) {
        let elapsed = now.timeIntervalSince(lastRefill)
        if elapsed > 0 {
            tokens = min(capacity, tokens + elapsed * currentRate)
            lastRefill = now
        }
    }

    /// Takes a slot and a token if both are available now.
    mutating func tryStart(now: Date) -> Bool {
        refill(now: now)
        if let blockedUntil, blockedUntil > now { return false }
        guard inFlight < limits.maxInFlight, tokens >= 1 else { return false }
        tokens -= 1
        inFlight += 1
        return true
    }

    /// When a start could next succeed for lack of tokens (nil when waiting for a slot, which a completion frees).
    func nextStart(now: Date) -> Date? {
        guard inFlight < limits.maxInFlight else { return nil }
        if let blockedUntil, blockedUntil > now { return blockedUntil }
        if tokens >= 1 { return now }
        return now.addingTimeInterval((1 - tokens) / currentRate)
    }

    /// Frees the slot; a 429 halves the rate and blocks the bucket for `Retry-After`, a success speeds it back up.
    mutating func finish(now: Date, latency: Double, rateLimited: Bool, retryAfter: Double?) {
        inFlight = max(0, inFlight - 1)
        averageLatency = averageLatency * 0.9 + latency * 0.1
        if rateLimited {
            rateFactor = max(0.1, rateFactor * 0.5)
            tokens = 0
            lastRefill = now
            blockedUntil = now.addingTimeInterval(retryAfter ?? 1 / currentRate)
        } else {
            rateFactor = min(1, rateFactor + 0.05)
        }
    }

    func load(now: Date) -> SystemLoad {
        let byRate = Double(queue.count) / currentRate
        let bySlots = Double(queue.count) * averageLatency / Double(max(1, limits.maxInFlight))
        return SystemLoad(
            system: system, inFlight: inFlight, maxInFlight: limits.maxInFlight, queueDepth: queue.count,
            ratePerSecond: currentRate, configuredRatePerSecond: limits.ratePerSecond, budget: tokens,
            etaSeconds: max(byRate, bySlots))
    }
}

/// A step waiting in a system's queue.
struct StepRef: Hashable, Sendable {
    var run: RunID
    var index: Int
    var compensation: Bool
}
