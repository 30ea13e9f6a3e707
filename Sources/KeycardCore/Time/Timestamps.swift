import Foundation

/// Parsing and printing of the ISO 8601 instants and dates HR systems send.
public enum Timestamps {
    /// Parses `2024-01-15T09:00:00Z`, with or without fractional seconds or offset, or a bare `2024-01-15` (UTC midnight).
    /// Out-of-range fields (`24:00`, `09:60`, `2024-02-30`) are refused, not rolled over.
    public static func parseInstant(_ text: String) -> Date? {
        if let date = ISO8601Scanner.instant(text) { return date }
        if ISO8601Scanner.isZonedInstantShape(text) { return nil }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return parseDate(text)
    }

    /// Parses a calendar date `YYYY-MM-DD` as UTC midnight; rejects impossible dates like 2024-02-30.
    public static func parseDate(_ text: String) -> Date? {
        ISO8601Scanner.date(text)
    }

    /// `2024-01-15T09:00:00Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// `2024-01-15`.
    public static func formatDate(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle().year().month().day())
    }
}
