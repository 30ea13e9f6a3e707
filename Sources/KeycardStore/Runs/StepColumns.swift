import KeycardCore

/// The JSON text of a step's planned list columns, written without a `JSONEncoder` (the engine stores thousands
/// of steps per second); `JSONColumn.decode` reads them back.
enum StepColumns {
    static func dependencies(_ dependencies: [StepID]) -> [UInt8] {
        CanonicalJSONWriter.bytes(capacity: 32 * dependencies.count + 2) { writer in
            writer.list(dependencies) { $0.string($1.rawValue) }
        }
    }

    /// The keys `Justification`'s synthesized `Codable` uses; a new field there needs a line here.
    static func justifications(_ justifications: [Justification]) -> [UInt8] {
        CanonicalJSONWriter.bytes(capacity: 160 * justifications.count + 2) { writer in
            writer.list(justifications) { writer, justification in
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
        }
    }
}
