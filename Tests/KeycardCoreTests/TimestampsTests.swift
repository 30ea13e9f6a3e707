import Foundation
import KeycardCore
import KeycardTestSupport
import Testing

/// The fast ISO 8601 reader agrees with Foundation on every instant and date, and refuses what Foundation refuses.
@Suite("Timestamps")
struct TimestampsTests {
    @Test("random instants in every zone shape parse to the same moment as Foundation's format style")
    func agreesWithFoundation() throws {
        var random = SeededRandom(seed: 8601)
        let zones = ["Z", "+00:00", "-07:00", "+05:30", "+1245", "-0330"]
        for _ in 0..<2_000 {
            let seconds = Double(Int64.random(in: -2_208_988_800...4_102_444_800, using: &random))
            let date = Date(timeIntervalSince1970: seconds)
            let zone = zones.randomElement(using: &random)!
            let offset = Self.offsetSeconds(zone)
            let local = Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: offset)!)
                .year().month().day().dateTimeSeparator(.standard).time(includingFractionalSeconds: false)
            let text = date.formatted(local) + zone
            #expect(Timestamps.parseInstant(text) == date, "\(text)")
        }
    }

    @Test("fractional seconds, dates as UTC midnight, and leap days")
    func shapes() {
        #expect(Timestamps.parseInstant("2024-01-15T09:00:00.250Z") == Date(timeIntervalSince1970: 1_705_309_200.25))
        #expect(Timestamps.parseInstant("2024-01-15T09:00:00Z") == Date(timeIntervalSince1970: 1_705_309_200))
        #expect(Timestamps.parseInstant("2024-01-15T10:00:00+01:00") == Date(timeIntervalSince1970: 1_705_309_200))
        #expect(Timestamps.parseDate("2024-02-29") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(Timestamps.parseInstant("2024-02-01") == Timestamps.parseDate("2024-02-01"))
        #expect(Timestamps.parseDate("1969-12-31") == Date(timeIntervalSince1970: -86_400))
    }

    @Test("impossible or malformed text is refused", arguments: [
        "2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-15", "2024-1-15", "2024/01/15",
        "2024-01-15T24:00:00Z", "2024-01-15T09:60:00Z", "2024-01-15T09:00:61Z", "2024-01-15T09:00:00+25:00",
        "2024-01-15T09:00:00.Z", "2024-01-15T09:00:00Zjunk", "", "tomorrow",
    ])
    func refusals(_ text: String) {
        #expect(Timestamps.parseInstant(text) == nil, "\(text)")
    }

    private static func offsetSeconds(_ zone: String) -> Int {
        guard zone != "Z" else { return 0 }
        let digits = zone.dropFirst().filter(\.isNumber)
        let hours = Int(digits.prefix(2))!, minutes = Int(digits.suffix(2))!
        return (zone.hasPrefix("-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
