import KeycardCore

/// The `runs.employee` column, written without a `JSONEncoder` (every new run writes one): sorted keys, read back by
/// `Employee`'s `Codable`. An employee with a fractional attribute is left to `JSONColumn`, whose number format the
/// decoder expects.
enum EmployeeColumn {
    static func encode(_ employee: Employee) throws -> String {
        guard employee.attributes.values.allSatisfy(isWrittenDirectly) else { return try JSONColumn.encode(employee) }
        let bytes = CanonicalJSONWriter.bytes(capacity: 96 + 48 * employee.attributes.count) { writer in
            writer.open("{")
            writer.key("attributes")
            writer.open("{")
            for name in CanonicalJSONWriter.sortedKeys(employee.attributes) {
                writer.key(text: name)
                write(employee.attributes[name]!, to: &writer)
            }
            writer.close("}")
            writer.key("id")
            writer.string(employee.id)
            writer.close("}")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isWrittenDirectly(_ value: AttributeValue) -> Bool {
        switch value {
        case .double: false
        case .list(let values): values.allSatisfy(isWrittenDirectly)
        case .string, .int, .bool, .null: true
        }
    }

    private static func write(_ value: AttributeValue, to writer: inout CanonicalJSONWriter) {
        switch value {
        case .string(let text): writer.string(text)
        case .int(let number): writer.integer(Int64(number))
        case .bool(let flag): writer.boolean(flag)
        case .null: writer.null()
        case .list(let values): writer.list(values) { writer, element in write(element, to: &writer) }
        case .double: preconditionFailure("fractional attributes are encoded by JSONColumn")
        }
    }
}
