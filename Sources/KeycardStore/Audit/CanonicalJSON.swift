/// The byte-exact JSON an audit hash covers: keys sorted by code point, no spaces, only strings, integers, null,
/// lists and objects; identical to Python's `json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
public enum CanonicalJSON: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case null
    case list([CanonicalJSON])
    case object([String: CanonicalJSON])

    public static func optional(_ value: String?) -> CanonicalJSON {
        value.map(CanonicalJSON.string) ?? .null
    }

    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The canonical form as UTF-8, the bytes the audit hash covers.
    public var bytes: [UInt8] {
        var writer = CanonicalJSONWriter(capacity: 512)
        write(to: &writer)
        return writer.bytes
    }

    private func write(to writer: inout CanonicalJSONWriter) {
        switch self {
        case .string(let value): writer.string(value)
        case .integer(let value): writer.integer(value)
        case .null: writer.null()
        case .list(let values):
            writer.open("[")
            for value in values {
                writer.separate()
                value.write(to: &writer)
            }
            writer.close("]")
        case .object(let members):
            writer.open("{")
            for key in CanonicalJSONWriter.sortedKeys(members) {
                writer.key(text: key)
                members[key]!.write(to: &writer)
            }
            writer.close("}")
        }
    }
}

/// Writes canonical JSON straight to bytes, for records whose shape is known (no intermediate `CanonicalJSON` tree).
struct CanonicalJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the container just opened is still empty (no comma before its first member).
    private var atStart = true

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes `body` writes on a fresh writer: one JSON value, as a column or a member of a larger value.
    static func bytes(capacity: Int, _ body: (inout CanonicalJSONWriter) -> Void) -> [UInt8] {
        var writer = CanonicalJSONWriter(capacity: capacity)
        body(&writer)
        return writer.bytes
    }

    static func sortedKeys<Value>(_ members: [String: Value]) -> [String] {
        members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    mutating func open(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        atStart = true
    }

    mutating func close(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        atStart = false
    }

    /// The comma before a list element or member, unless it is the container's first.
    mutating func separate() {
        if !atStart { bytes.append(UInt8(ascii: ",")) }
        atStart = false
    }

    /// `"name":`, preceded by a comma unless it is the object's first member.
    mutating func key(text name: String) {
        separate()
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// `key(text:)` for a key the code spells out, copied as is: it has nothing to escape (checked in debug builds).
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { name in
            assert(!name.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
            bytes.append(contentsOf: name)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        atStart = false
    }

    mutating func null() {
        bytes += "null".utf8
        atStart = false
    }

    mutating func boolean(_ value: Bool) {
        bytes += (value ? "true" : "false").utf8
        atStart = false
    }

    mutating func integer(_ value: Int64) {
        bytes += String(value).utf8
        atStart = false
    }

    mutating func optional(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// An object of string values, keys sorted.
    mutating func stringObject(_ members: [String: String]) {
        open("{")
        for key in Self.sortedKeys(members) {
            self.key(text: key)
            string(members[key]!)
        }
        close("}")
    }

    /// The bytes of an object of string values, keys sorted (parameters, in steps and in evidence).
    static func object(_ members: [String: String]) -> [UInt8] {
        bytes(capacity: 64) { $0.stringObject(members) }
    }

    /// `[…]`, each element written by `element`.
    mutating func list<Elements: Sequence>(_ elements: Elements, _ element: (inout Self, Elements.Element) -> Void) {
        open("[")
        for item in elements {
            separate()
            element(&self, item)
        }
        close("]")
    }

    /// Bytes that are already canonical JSON (a value written by another writer).
    mutating func raw(_ json: [UInt8]) {
        bytes += json
        atStart = false
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Over the contiguous UTF-8 buffer: `utf8.contains(where:)` went through the generic view, byte by byte,
        // and was the writer thread's hottest frame of its own.
        var value = value
        let plain = value.withUTF8 { buffer -> Bool in
            for byte in buffer where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return false
            }
            bytes.append(contentsOf: buffer)
            return true
        }
        if plain {
            bytes.append(UInt8(ascii: "\""))
            atStart = false
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                bytes += [Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        atStart = false
    }
}
