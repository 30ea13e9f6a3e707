import Foundation

/// A date's UTC calendar fields by arithmetic alone (no calendar, no formatter): for text written on hot paths.
public struct UTCFields: Sendable, Hashable {
    public var year: Int64
    public var month: Int64
    public var day: Int64
    public var hour: Int64
    public var minute: Int64
    public var second: Int64
    public var millisecond: Int64

    /// The fields of `date`, milliseconds rounded down.
    public init(_ date: Date) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, millisecondOfDay) = Self.floorDivide(milliseconds, 86_400_000)
        (year, month, day) = Self.civil(fromDays: days)
        let seconds = millisecondOfDay / 1000
        hour = seconds / 3600
        minute = seconds / 60 % 60
        second = seconds % 60
        millisecond = millisecondOfDay % 1000
    }

    /// Appends `value` in decimal, zero-padded to `width` figures.
    public static func append(_ value: Int64, width: Int, to text: inout [UInt8]) {
        guard value >= 0 else {
            let figures = String(value).utf8
            text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, width - figures.count)))
            text.append(contentsOf: figures)
            return
        }
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, width - count)))
        let end = text.count + count
        text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var remaining = value
        for position in stride(from: end - 1, through: end - count, by: -1) {
            text[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }

    /// Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
