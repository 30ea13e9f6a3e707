import KeycardCore

/// The JSON text of a step's planned columns, written without a `JSONEncoder` (the engine stores thousands of steps
/// per second); `JSONColumn.decode` reads them back.
enum StepColumns {
    static func parameters(_ parameters: [String: String]) -> [UInt8] {
        var writer = CanonicalJSONWriter(capacity: 64)
        writer.stringObject(parameters)
        return writer.bytes
    }

    static func dependencies(_ dependencies: [StepID]) -> [UInt8] {
        var writer = CanonicalJSONWriter(capacity: 32 * dependencies.count + 2)
        writer.open("[")
        for dependency in dependencies {
            writer.separate()
            writer.string(dependency.rawValue)
        }
        writer.close("]")
        return writer.bytes
    }

    /// The keys `Justification`'s synthesized `Codable` uses; a new field there needs a line here.
    static func justifications(_ justifications: [Justification]) -> [UInt8] {
        var writer = CanonicalJSONWriter(capacity: 160 * justifications.count + 2)
        writer.open("[")
        for justification in justifications {
            writer.separate()
            writer.open("{")
            writer.key("condition")
            writer.string(justification.condition)
            if let file = justification.file {
                writer.key("file")
                writer.string(file)
            }
            writer.key("policyID")
            writer.string(justification.policyID)
            writer.key("policyVersion")
            writer.string(justification.policyVersion)
            writer.close("}")
        }
        writer.close("]")
        return writer.bytes
    }
}
