import Crypto
import Foundation
import KeycardCore

/// Normalisations vendor decoders share: blank values, numeric ids, date spellings, employment types, event ids.
enum VendorValues {
    /// An id that some vendors send as a number (`"id": 7`): whole numbers become their digits.
    static func identifier(_ value: JSONValue?) -> JSONValue? {
        if case .int(let number)? = value { return .string(String(number)) }
        return value
    }

    /// Nil for absent, null, blank strings and BambooHR's `0000-00-00`.
    static func present(_ value: JSONValue?) -> JSONValue? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed == "0000-00-00" { return nil }
            return .string(text)
        case let other?: return other
        }
    }

    /// An instant in the canonical spelling when it can be read (`+0000` offsets, no zone, microseconds).
    static func instant(_ value: JSONValue) -> JSONValue {
        guard case .string(let text) = value, text.count <= 64, Timestamps.parseInstant(text) == nil else { return value }
        if let (_, spelling) = parseLenientInstant(text) { return .string(spelling) }
        return value
    }

    /// A calendar date: a date-time is cut to its UTC day (Merge sends `2024-02-01T00:00:00Z`).
    static func date(_ value: JSONValue?) -> JSONValue? {
        guard let value = present(value) else { return nil }
        guard case .string(let text) = value, text.count <= 64, Timestamps.parseDate(text) == nil,
              let (date, _) = parseLenientInstant(text)
        else { return value }
        return .string(Timestamps.formatDate(date))
    }

    /// A termination date or instant, as given when already canonical.
    static func dateOrInstant(_ value: JSONValue?) -> JSONValue? {
        guard let value = present(value) else { return nil }
        guard case .string(let text) = value, text.count <= 64, Timestamps.parseInstant(text) == nil,
              let (_, spelling) = parseLenientInstant(text)
        else { return value }
        return .string(spelling)
    }

    /// `Full-Time`, `FULL_TIME`, `Permanent` → `full_time`; `Contract`, `Contingent_Worker` → `contractor`.
    static func employmentType(_ value: JSONValue?) -> JSONValue? {
        guard let value = present(value) else { return nil }
        guard case .string(let text) = value else { return value }
        let key = text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        switch key {
        case "full_time", "fulltime", "permanent", "regular", "employee": return .string("full_time")
        case "part_time", "parttime": return .string("part_time")
        case "contractor", "contract", "contingent_worker", "contingent", "freelance", "freelancer": return .string("contractor")
        case "intern", "internship": return .string("intern")
        default: return .string(key)
        }
    }

    /// A stable id for vendors that send none: the same bytes delivered again give the same id, so they dedupe.
    static func derivedEventID(source: IntakeSource, body: Data, index: Int? = nil) -> JSONValue {
        let digest = Hex.string(Array(SHA256.hash(data: body).prefix(12)))
        return .string("\(source.rawValue)-\(digest)" + (index.map { "-\($0)" } ?? ""))
    }

    static func unixSeconds(_ text: String) -> JSONValue? {
        guard let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        return .string(Timestamps.format(Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// The instant and a spelling of it that `Timestamps.parseInstant` reads.
    private static func parseLenientInstant(_ text: String) -> (Date, String)? {
        if let date = Timestamps.parseInstant(text) { return (date, text) }
        var candidate = text
        // `2024-01-15T09:00:00+0000` → `+00:00`
        if candidate.count > 5, let sign = candidate.dropLast(4).last, sign == "+" || sign == "-",
           candidate.suffix(4).allSatisfy(\.isNumber) {
            candidate.insert(":", at: candidate.index(candidate.endIndex, offsetBy: -2))
            if let date = Timestamps.parseInstant(candidate) { return (date, candidate) }
        }
        // `2024-01-15T09:00:00.915906` (no zone, microseconds) → UTC, milliseconds
        candidate = text
        if let dot = candidate.firstIndex(of: "."), candidate.contains("T") {
            let fraction = candidate[candidate.index(after: dot)...].prefix { $0.isNumber }
            candidate = String(candidate[..<dot]) + "." + String(fraction.prefix(3)).padding(toLength: 3, withPad: "0", startingAt: 0)
                + String(candidate[candidate.index(after: dot)...].dropFirst(fraction.count))
        }
        if let date = Timestamps.parseInstant(candidate) { return (date, candidate) }
        if candidate.contains("T"), !candidate.hasSuffix("Z"), let date = Timestamps.parseInstant(candidate + "Z") {
            return (date, candidate + "Z")
        }
        return nil
    }
}
