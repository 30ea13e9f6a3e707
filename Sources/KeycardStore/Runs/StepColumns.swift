import KeycardCore

/// The JSON text of a run's plan, written without a `JSONEncoder` (the engine stores thousands of steps per second);
/// the `steps` view serves its fields as columns and `JSONColumn.decode` reads the list and object ones back.
enum StepColumns {
    /// The `run_plans.steps` array: each step's planned fields, under the names of the `steps` view's columns.
    ///
    /// What the view can derive is left out (a run's plan is most of what a bulk writes, ~1.7 KB a run instead of
    /// ~3 KB, and stays on one page): the step's id and its idempotency key when they are `<run id>/s<index>`, an
    /// absent approval or compensation, and dependencies within the run, written as their indexes.
    static func plan(_ steps: [Step]) throws -> [UInt8] {
        let approvals = try steps.map { step in try step.approval.map { Array(try JSONColumn.encode($0).utf8) } }
        var indexes: [StepID: Int] = [:]
        for step in steps { indexes[step.id] = step.index }
        return CanonicalJSONWriter.bytes(capacity: 320 * steps.count + 2) { writer in
            writer.list(zip(steps, approvals)) { writer, planned in
                let (step, approval) = planned
                writer.open("{")
                writer.key("action")
                writer.string(step.action)
                if let approval {
                    writer.key("approval")
                    writer.raw(approval)
                }
                if let compensation = step.compensation {
                    writer.key("compensation")
                    writer.string(compensation)
                }
                writer.key("critical")
                writer.integer(step.critical ? 1 : 0)
                writer.key("dependencies")
                writer.list(step.dependencies) { writer, dependency in
                    if let index = indexes[dependency] { writer.integer(Int64(index)) } else { writer.string(dependency.rawValue) }
                }
                if !isDerived(step.id.rawValue, of: step) {
                    writer.key("id")
                    writer.string(step.id.rawValue)
                }
                if !isDerived(step.idempotencyKey, of: step) {
                    writer.key("idempotency_key")
                    writer.string(step.idempotencyKey)
                }
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

    /// Whether the plan leaves out every step's id and idempotency key and names every dependency by index: then
    /// its bytes do not depend on the run id.
    static func idsAreDerived(_ steps: [Step]) -> Bool {
        let indexes = Set(steps.map(\.index))
        return steps.allSatisfy { step in
            isDerived(step.id.rawValue, of: step) && isDerived(step.idempotencyKey, of: step)
                && step.dependencies.allSatisfy { dependency in
                    derivedIndex(dependency.rawValue, run: step.runID).map(indexes.contains) ?? false
                }
        }
    }

    /// Whether `text` is the id `StepID(run:index:)` gives the step: what `plan` leaves out.
    private static func isDerived(_ text: String, of step: Step) -> Bool {
        derivedIndex(text, run: step.runID) == step.index
    }

    /// The index in `text` if it is `<run>/s<index>` (as `StepID(run:index:)` writes it), read without building it.
    private static func derivedIndex(_ text: String, run: RunID) -> Int? {
        var text = text, run = run.rawValue
        return text.withUTF8 { text -> Int? in
            run.withUTF8 { run -> Int? in
                let digits = run.count + 2
                guard text.count > digits, text.count - digits <= 9, text.starts(with: run),
                      text[run.count] == UInt8(ascii: "/"), text[run.count + 1] == UInt8(ascii: "s"),
                      text[digits] != UInt8(ascii: "0") || text.count == digits + 1
                else { return nil }
                var value = 0
                for byte in text[digits...] {
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
        }
    }

    /// A step's `dependencies` column: step ids, or (compact plans) indexes of steps of the same run.
    static func dependencies(_ json: String, run: RunID) throws -> [StepID] {
        try JSONColumn.decode([PlannedDependency].self, from: json).map { dependency in
            switch dependency {
            case .index(let index): StepID(run: run, index: index)
            case .id(let id): id
            }
        }
    }

    /// One element of a stored `dependencies` list.
    private enum PlannedDependency: Decodable {
        case index(Int)
        case id(StepID)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) {
                self = .index(index)
            } else {
                self = .id(try container.decode(StepID.self))
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
