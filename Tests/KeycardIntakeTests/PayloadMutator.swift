import Foundation
import KeycardIntake
import KeycardTestSupport

/// Produces hostile variants of a valid payload: flipped bytes, truncation, deleted fields, swapped types,
/// huge strings, deep nesting, control characters, concatenation.
struct PayloadMutator {
    var random: SeededRandom

    mutating func mutate(_ body: Data, source: IntakeSource) -> Data {
        let bytes = [UInt8](body)
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return flipBytes(bytes)
        case 1: return Data(bytes.prefix(Int.random(in: 0...max(0, bytes.count - 1), using: &random)))
        case 2, 3: return structural(body, source: source, delete: true)
        case 4, 5: return structural(body, source: source, delete: false)
        case 6: return insert(bytes, Array(String(repeating: "Ω\u{202E}x", count: Int.random(in: 200...2_000, using: &random)).utf8))
        case 7: return insert(bytes, nesting(depth: Int.random(in: 30...1_000, using: &random)))
        case 8: return insert(bytes, [[0x00], [0x1B], [0xFF], [0xC3], Array("\\u0000".utf8), Array("\"".utf8), Array("\n".utf8)]
            .randomElement(using: &random)!)
        default: return body + Data("\n".utf8) + (Bool.random(using: &random) ? body : Data(bytes.shuffled(using: &random)))
        }
    }

    private mutating func flipBytes(_ bytes: [UInt8]) -> Data {
        guard !bytes.isEmpty else { return Data([0xFF]) }
        var copy = bytes
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            copy[Int.random(in: 0..<copy.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
        }
        return Data(copy)
    }

    private mutating func insert(_ bytes: [UInt8], _ piece: [UInt8]) -> Data {
        var copy = bytes
        copy.insert(contentsOf: piece, at: Int.random(in: 0...copy.count, using: &random))
        return Data(copy)
    }

    private func nesting(depth: Int) -> [UInt8] {
        Array((String(repeating: "[{\"a\":", count: depth) + "1" + String(repeating: "}]", count: depth)).utf8)
    }

    /// Deletes or retypes one field: a JSON member at any depth, a form field, or an XML line.
    private mutating func structural(_ body: Data, source: IntakeSource, delete: Bool) -> Data {
        switch source {
        case .rippling:
            var fields = String(decoding: body, as: UTF8.self).split(separator: "&").map(String.init)
            guard !fields.isEmpty else { return body }
            let index = Int.random(in: 0..<fields.count, using: &random)
            if delete { fields.remove(at: index) } else { fields[index] = fields[index].split(separator: "=").first.map { "\($0)=\(hugeOrOdd())" } ?? "" }
            return Data(fields.joined(separator: "&").utf8)
        case .workday:
            var lines = String(decoding: body, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard !lines.isEmpty else { return body }
            let index = Int.random(in: 0..<lines.count, using: &random)
            if delete { lines.remove(at: index) } else { lines[index] = lines[index].replacingOccurrences(of: ">", with: ">\(hugeOrOdd())<x/>") }
            return Data(lines.joined(separator: "\n").utf8)
        default:
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: body) else { return body }
            let mutated = mutateJSON(value, delete: delete, depth: 0)
            return (try? JSONEncoder().encode(mutated)) ?? body
        }
    }

    private mutating func mutateJSON(_ value: JSONValue, delete: Bool, depth: Int) -> JSONValue {
        switch value {
        case .object(var members) where !members.isEmpty:
            let key = members.keys.sorted().randomElement(using: &random)!
            let descend = depth < 4 && Bool.random(using: &random)
            if descend, let child = members[key] { members[key] = mutateJSON(child, delete: delete, depth: depth + 1) }
            else if delete { members[key] = nil }
            else { members[key] = replacement() }
            return .object(members)
        case .array(var elements) where !elements.isEmpty:
            let index = Int.random(in: 0..<elements.count, using: &random)
            if delete { elements.remove(at: index) } else { elements[index] = mutateJSON(elements[index], delete: delete, depth: depth + 1) }
            return .array(elements)
        default:
            return delete ? .null : replacement()
        }
    }

    private mutating func replacement() -> JSONValue {
        switch Int.random(in: 0..<9, using: &random) {
        case 0: return .int(Int.random(in: Int.min...Int.max, using: &random))
        case 1: return .double(Double.random(in: -1e300...1e300, using: &random))
        case 2: return .bool(Bool.random(using: &random))
        case 3: return .null
        case 4: return .array([.string("x"), .int(1), .object(["k": .null])])
        case 5: return .object(["nested": .object(["deeper": .string("value")])])
        case 6: return .string("")
        case 7: return .string(String(repeating: "A", count: Int.random(in: 500...6_000, using: &random)))
        default: return .string(hugeOrOdd())
        }
    }

    private mutating func hugeOrOdd() -> String {
        ["", " ", "\u{0000}", "2024-02-30", "not-an-email@", "9999-99-99T99:99:99Z", "employee.promoted", "%ZZ", "&&==",
         String(repeating: "é", count: 600), "<![CDATA[x]]>", "&amp;&lt;", "-1", "true"].randomElement(using: &random)!
    }
}
