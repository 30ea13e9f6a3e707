import Foundation

/// A byte-level reader of the two ISO 8601 shapes HR systems send (`2024-01-15` and
/// `2024-01-15T09:00:00[.fff](Z|±HH:MM)`), about fifty times cheaper than Foundation's format styles;
/// `Timestamps` falls back to those for anything else.
enum ISO8601Scanner {
    /// `YYYY-MM-DD` as UTC midnight, nil for anything else or an impossible date.
    static func date(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 10, let days = days(bytes) else { return nil }
            return Date(timeIntervalSince1970: Double(days) * 86_400)
        }
    }

    /// A full instant with seconds and a zone (`Z` or `±HH:MM` / `±HHMM`), nil when the text is anything else.
    static func instant(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count >= 20, let days = days(bytes), bytes[10] == UInt8(ascii: "T"),
                  let hour = number(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"),
                  let minute = number(bytes, 14, 2), bytes[16] == UInt8(ascii: ":"),
                  let second = number(bytes, 17, 2), hour < 24, minute < 60, second < 60
            else { return nil }
            var index = 19
            var fraction = 0.0
            if bytes[index] == UInt8(ascii: ".") {
                index += 1
                var scale = 0.1
                let start = index
                while index < bytes.count, let digit = digit(bytes[index]) {
                    fraction += Double(digit) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
            guard index < bytes.count, let offset = offset(bytes, from: index) else { return nil }
            let seconds = Double(days) * 86_400 + Double(hour * 3600 + minute * 60 + second) - Double(offset)
            return Date(timeIntervalSince1970: seconds + fraction)
        }
    }

    /// True for `YYYY-MM-DDT` followed by more than a bare `HH:MM:SS`: text the scanner alone judges.
    static func isZonedInstantShape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.count > 19 && days(bytes) != nil && bytes[10] == UInt8(ascii: "T")
        }
    }

    /// Seconds east of UTC for `Z`, `±HH:MM` or `±HHMM` filling the rest of the text.
    private static func offset(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        let rest = bytes.count - index
        if bytes[index] == UInt8(ascii: "Z") { return rest == 1 ? 0 : nil }
        let sign: Int
        switch bytes[index] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        guard let hours = number(bytes, index + 1, 2), hours < 24 else { return nil }
        let minutes: Int?
        switch rest {
        case 6 where bytes[index + 3] == UInt8(ascii: ":"): minutes = number(bytes, index + 4, 2)
        case 5: minutes = number(bytes, index + 3, 2)
        default: minutes = nil
        }
        guard let minutes, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// Days since 1970-01-01 of the `YYYY-MM-DD` at the start of `bytes`, nil if malformed or impossible.
    private static func days(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 10, let year = number(bytes, 0, 4), bytes[4] == UInt8(ascii: "-"),
              let month = number(bytes, 5, 2), bytes[7] == UInt8(ascii: "-"), let day = number(bytes, 8, 2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return daysFromCivil(year: year, month: month, day: day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil for the proleptic Gregorian calendar.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            guard let digit = digit(bytes[index]) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
