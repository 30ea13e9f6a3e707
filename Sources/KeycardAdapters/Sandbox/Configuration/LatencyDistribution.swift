import Foundation

/// How long a simulated call takes, in milliseconds: `50` (fixed), `{min: 20, max: 80}` (uniform), or
/// `{distribution: lognormal, median: 40, p99: 300, max: 2000}` (a long tail, like real APIs).
public struct LatencyDistribution: Sendable, Hashable, Codable {
    public enum Shape: String, Sendable, Hashable, Codable {
        case fixed, uniform, lognormal
    }

    public var shape: Shape
    public var min: Double?
    public var max: Double?
    public var median: Double?
    public var p99: Double?

    public init(shape: Shape, min: Double? = nil, max: Double? = nil, median: Double? = nil, p99: Double? = nil) {
        self.shape = shape
        self.min = min
        self.max = max
        self.median = median
        self.p99 = p99
    }

    public static func fixed(_ milliseconds: Double) -> LatencyDistribution {
        LatencyDistribution(shape: .fixed, min: milliseconds, max: milliseconds)
    }

    public static func uniform(min: Double, max: Double) -> LatencyDistribution {
        LatencyDistribution(shape: .uniform, min: min, max: max)
    }

    public static func lognormal(median: Double, p99: Double, max: Double? = nil) -> LatencyDistribution {
        LatencyDistribution(shape: .lognormal, max: max, median: median, p99: p99)
    }

    /// One latency drawn with `random` (uniform in [0, 1)), never below `min` or above `max`.
    func sample(_ random: () -> Double) -> Double {
        let value: Double
        switch shape {
        case .fixed:
            value = min ?? median ?? max ?? 0
        case .uniform:
            let low = min ?? 0
            value = low + random() * ((max ?? low) - low)
        case .lognormal:
            let median = self.median ?? 50
            let p99 = self.p99 ?? median * 4
            let sigma = log(Swift.max(p99, median) / median) / 2.3263
            let normal = sqrt(-2 * log(Swift.max(random(), .leastNonzeroMagnitude))) * cos(2 * .pi * random())
            value = median * exp(sigma * normal)
        }
        return Swift.min(Swift.max(value, min ?? 0), max ?? .infinity)
    }

    /// Problems a person must fix, each naming the field.
    var problems: [String] {
        var problems: [String] = []
        for (name, value) in [("min", min), ("max", max), ("median", median), ("p99", p99)] {
            if let value, value < 0 || !value.isFinite { problems.append("\(name) must be a number ≥ 0, got \(value)") }
        }
        if let min, let max, min > max { problems.append("min (\(min)) is above max (\(max))") }
        if shape == .lognormal, let median, median <= 0 { problems.append("median must be above 0 for lognormal") }
        return problems
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let milliseconds = try? single.decode(Double.self) {
            self = .fixed(milliseconds)
            return
        }
        let container = try decoder.container(keyedBy: ConfigurationKey.self)
        try container.rejectUnknownKeys(["distribution", "min", "max", "median", "p99"])
        min = try container.value(Double.self, "min")
        max = try container.value(Double.self, "max")
        median = try container.value(Double.self, "median")
        p99 = try container.value(Double.self, "p99")
        shape = try container.value(Shape.self, "distribution") ?? (median != nil ? .lognormal : .uniform)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ConfigurationKey.self)
        try container.encode(shape, "distribution")
        try container.encode(min, "min")
        try container.encode(max, "max")
        try container.encode(median, "median")
        try container.encode(p99, "p99")
    }
}
