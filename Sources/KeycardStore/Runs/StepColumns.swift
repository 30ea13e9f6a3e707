import KeycardCore

/// The JSON text of a run's plan, written without a `JSONEncoder` (the engine stores thousands of steps per second);
/// the `steps` view serves its fields as columns and `JSONColumn.decode` reads the list and object ones back.
enum StepColumns {
    /// The `run_plans.steps` array: each step's planned fields, under the names of the `steps` view's columns.
    static func plan(_ steps: [Step]) throws -> [UInt8] {
        let approvals = try steps.map { step in try step.approval.map { Array(try JSONColumn.encode($0).utf8) } }
        return CanonicalJSONWriter.bytes(capacity: 640 * steps.count + 2) { writer in
            writer.list(zip(steps, approvals)) { writer, planned in
                let (step, approval) = planned
                writer.open("{")
                writer.key("action")
                writer.string(step.action)
                writer.key("approval")
                if let approval { writer.raw(approval) } else { writer.null() }
                writer.key("compensation")
                writer.optional(step.compensation)
                writer.key("critical")
                writer.integer(step.critical ? 1 : 0)
                writer.key("dependencies")
                writer.list(step.dependencies) { $0.string($1.rawValue) }
                writer.key("id")
                writer.string(step.id.rawValue)
                writer.key("idempotency_key")
                writer.string(step.idempotencyKey)
                writer.key("idx")
                writer.integer(Int64(step.index))
                writer.key("justifications")
                justifications(step.justifications, to: &writer)
                writer.key("kind")
                writer.string(step.kind.rawValue)
                writer.key("parameters")
                writer.stringObject(step.parameters)
                writer.key("purpose")
                writer.string(step.purpose.rawValue)
                writer.key("system")
                writer.string(step.system)
                writer.close("}")
            }
        }
    }

    /// The keys `Justification`'s synthesized `Codable` uses; a new field there needs a line here.
    private static func justifications(_ justifications: [Justification], to writer: inout CanonicalJSONWriter) {
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
