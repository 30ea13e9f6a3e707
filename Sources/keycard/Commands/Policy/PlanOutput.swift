import Foundation
import KeycardCore

/// The seed's plan output: `{"user": EMAIL, "access": [{"system", "action", ...parameters}]}`.
struct SeedPlan: Encodable {
    var user: String
    var access: [AccessEntry]
}

/// A mover's or leaver's plan output, with the seed's entries.
struct SeedDiff: Encodable {
    var user: String
    var add: [AccessEntry]
    var revoke: [AccessEntry]
    var keep: [AccessEntry]
}

/// One grant in the seed's flat shape: `system` and `action` first, then the parameters by name.
struct AccessEntry: Encodable {
    var key: GrantKey

    struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Name.self)
        try container.encode(key.system, forKey: Name(stringValue: "system"))
        try container.encode(key.action, forKey: Name(stringValue: "action"))
        for (name, value) in key.parameters.sorted(by: { $0.key < $1.key }) where name != "system" && name != "action" {
            try container.encode(value, forKey: Name(stringValue: name))
        }
    }
}

/// Prints plan output as pretty JSON keeping the seed's key order (`user` first, `system`, `action`, ...).
enum PlanJSON {
    static func print<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
