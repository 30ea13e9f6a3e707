import Foundation
import KeycardCore

/// The one text form of audit times: UTC, milliseconds, fixed width (`2026-01-15T09:00:00.250Z`), so text order is time order.
enum AuditTimestamp {
    static func format(_ date: Date) -> String {
        let fields = UTCFields(date)
        var text: [UInt8] = []
        text.reserveCapacity(24)
        func digits(_ value: Int64, _ width: Int, then separator: UInt8) {
            UTCFields.append(value, width: width, to: &text)
            text.append(separator)
        }
        digits(fields.year, 4, then: UInt8(ascii: "-"))
        digits(fields.month, 2, then: UInt8(ascii: "-"))
        digits(fields.day, 2, then: UInt8(ascii: "T"))
        digits(fields.hour, 2, then: UInt8(ascii: ":"))
        digits(fields.minute, 2, then: UInt8(ascii: ":"))
        digits(fields.second, 2, then: UInt8(ascii: "."))
        digits(fields.millisecond, 3, then: UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    static func parse(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
