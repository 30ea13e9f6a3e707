import Foundation

/// The window in which a signed timestamp is accepted: five minutes either side of now, against replays.
enum TimestampTolerance {
    static let seconds: TimeInterval = 300

    /// Nil when `unixSeconds` is fresh, else the reason it is refused.
    static func problem(header: String, unixSeconds text: String, now: Date) -> String? {
        guard let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) else {
            return "\(header) is malformed: expected Unix seconds, found \(ValueDescription.quoted(text))"
        }
        let age = now.timeIntervalSince1970 - TimeInterval(seconds)
        guard abs(age) <= Self.seconds else {
            let direction = age > 0 ? "old" : "in the future"
            return "\(header) is stale: \(Int(abs(age))) s \(direction), more than \(Int(Self.seconds)) s allowed"
        }
        return nil
    }
}
