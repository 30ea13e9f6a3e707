import KeycardCore

/// The JSON text of a run's plan and of a step's planned list columns, written without a `JSONEncoder` (the engine
/// stores thousands of steps per second); the `steps` view and `JSONColumn.decode` read them back.
enum StepColumns {
    /// The `run_plans.steps` array: each step's planned fields, under the names of the `steps` view's columns.
    static func plan(_ steps: [Step]) throws -> [UInt8] {
        var approvals: [Int: [UInt8]] = [:]
        for step in steps {
            if let approval = step.approval { approvals[step.index] = Array(try JSONColumn.encode(approval).utf8) }
        }
        return CanonicalJSONWriter.bytes(capacity: 640 * steps.count + 2) { writer in
            writer.list(steps) { writer, step in
                writer.open("{")
                writer.key("action")
                writer.string(step.action)
                writer.key("approval")
                if let approval = approvals[step.index] { writer.raw(approval) } else { writer.null() }
                writer.key("compensation")
                writer.optional(step.compensation)
                writer.key("critical")
                writer.integer(step.critical ? 1 : 0)
                writer.key("dependencies")
                writer.raw(dependencies(step.dependencies))
                writer.key("id")
                writer.string(step.id.rawValue)
                writer.key("idempotency_key")
                writer.string(step.idempotencyKey)
                writer.key("idx")
                writer.integer(Int64(step.index))
                writer.key("justifications")
                writer.raw(justifications(step.justifications))
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
