import Foundation
import KeycardCore
import Testing

@Suite("UTC fields")
struct UTCFieldsTests {
    @Test("the fields agree with Foundation's UTC calendar, before 1970, on leap days and at day ends")
    func agreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var generator = SystemRandomNumberGenerator()
        let fixed: [TimeInterval] = [0, -0.001, 951_782_400, 951_868_799.999, 4_107_542_399.5, -2_208_988_800]
        let random = (0..<500).map { _ in TimeInterval(Int64.random(in: -5_000_000_000_000...5_000_000_000_000, using: &generator)) / 1000 }
        for seconds in fixed + random {
            let date = Date(timeIntervalSince1970: seconds)
            let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
            let fields = UTCFields(date)
            #expect(fields.year == Int64(expected.year!) && fields.month == Int64(expected.month!)
                && fields.day == Int64(expected.day!), "date of \(seconds)")
            #expect(fields.hour == Int64(expected.hour!) && fields.minute == Int64(expected.minute!)
                && fields.second == Int64(expected.second!), "time of \(seconds)")
        }
    }

    @Test("figures are zero-padded to the width asked")
    func padding() {
        var text: [UInt8] = []
        UTCFields.append(7, width: 3, to: &text)
        UTCFields.append(2026, width: 2, to: &text)
        #expect(String(decoding: text, as: UTF8.self) == "0072026")
    }
}
