import Foundation
import KeycardStore

/// Times, durations and ages as the console prints them, in the console's time zone.
public enum Format {
    static func components(_ date: Date, _ zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    static func two(_ value: Int?) -> String {
        let value = value ?? 0
        return value < 10 ? "0\(value)" : String(value)
    }

    /// `03:05:10`.
    public static func clock(_ date: Date, _ zone: TimeZone) -> String {
        let parts = components(date, zone)
        return "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `03:05:10` today, else `Mar 01 18:22`.
    public static func moment(_ date: Date?, now: Date, _ zone: TimeZone) -> String {
        guard let date else { return "-" }
        let parts = components(date, zone)
        let today = components(now, zone)
        if parts.year == today.year && parts.month == today.month && parts.day == today.day { return clock(date, zone) }
        return "\(months[(parts.month ?? 1) - 1]) \(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }

    /// `2026-03-02 03:05:10`.
    public static func timestamp(_ date: Date, _ zone: TimeZone) -> String {
        let parts = components(date, zone)
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(clock(date, zone))"
    }

    /// `350ms`, `4.2s`, `4s`, `45s`, `12m04s`, `3h05m`, `2d04h`.
    public static func duration(_ seconds: TimeInterval?) -> String {
        guard let seconds, seconds.isFinite else { return "-" }
        if seconds < 1 { return "\(max(0, Int((seconds * 1000).rounded(.down))))ms" }
        let tenths = Int(seconds * 10) % 10
        if seconds < 10, tenths > 0 { return "\(Int(seconds)).\(tenths)s" }
        let total = Int(seconds.rounded(.down))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m\(two(total % 60))s" }
        if total < 86400 { return "\(total / 3600)h\(two(total % 3600 / 60))m" }
        return "\(total / 86400)d\(two(total % 86400 / 3600))h"
    }

    /// Short age like `12m`, `3h`, `2d`.
    public static func age(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" }
        if total < 86400 { return "\(total / 3600)h" }
        return "\(total / 86400)d"
    }

    /// `in 23h`, or `expired` when past.
    public static func until(_ date: Date?, now: Date) -> String {
        guard let date else { return "never" }
        let seconds = date.timeIntervalSince(now)
        return seconds <= 0 ? "expired" : "in " + age(seconds)
    }

    /// Parameters with secret-looking keys masked.
    public static func redacted(_ parameters: [String: String]) -> [(String, String)] {
        parameters.sorted { $0.key < $1.key }.map { key, value in
            AuditRedaction.isSecret(key) ? (key, "••••••(redacted)") : (key, value)
        }
    }
}
