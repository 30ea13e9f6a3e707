import Foundation
import KeycardIntake

/// `fixtures/demo/script.json`: the HRIS events the demo posts to its own webhook listener, with pauses between.
struct DemoScript {
    /// One scripted delivery: wait `after` seconds, then post `event` as `source` would.
    struct Item {
        var after: Double
        var say: String
        var source: IntakeSource
        var body: Data
    }

    var items: [Item]

    /// Reads the script; `{{now}}`, `{{today}}` and `{{today+N}}` become the current instant and dates.
    static func load(_ path: String, now: Date, timeZone: TimeZone = .current) throws -> DemoScript {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("cannot read the demo script \(path): \(error.localizedDescription)")
        }
        guard let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw CLIError("\(path): expected a JSON list of {after, say, source, event}")
        }
        var items: [Item] = []
        for (index, entry) in list.enumerated() {
            guard let after = entry["after"] as? Double ?? (entry["after"] as? Int).map(Double.init),
                  let sourceName = entry["source"] as? String, let source = IntakeSource(rawValue: sourceName),
                  let event = entry["event"], JSONSerialization.isValidJSONObject(event)
            else {
                throw CLIError("\(path)[\(index)]: needs `after` (seconds), `source` (an intake source) and `event`")
            }
            let text = String(decoding: try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]), as: UTF8.self)
            let body = Data(substitute(text, now: now, timeZone: timeZone).utf8)
            items.append(Item(after: after, say: entry["say"] as? String ?? "", source: source, body: body))
        }
        return DemoScript(items: items)
    }

    static func substitute(_ text: String, now: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let dateFormat = Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day()
        var result = text.replacingOccurrences(of: "{{now}}", with: now.formatted(.iso8601))
        while let range = result.range(of: #"\{\{today(\+\d+)?\}\}"#, options: .regularExpression) {
            let token = result[range]
            let days = Int(token.dropFirst("{{today+".count).dropLast(2)) ?? 0
            let date = calendar.date(byAdding: .day, value: days, to: now) ?? now
            result.replaceSubrange(range, with: date.formatted(dateFormat))
        }
        return result
    }
}
