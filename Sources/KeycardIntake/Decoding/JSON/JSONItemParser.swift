import Foundation
import KeycardCore

/// Parses the bytes of one item into a `JSONValue`, refusing nesting deep enough to exhaust a thread's stack.
enum JSONItemParser {
    /// Deeper than any HR payload needs; it keeps recursion bounded on small task stacks.
    static let maximumDepth = 64

    static func parse(_ bytes: [UInt8], range: Range<Int>) -> Result<JSONValue, ValidationFailure> {
        let depth = JSONBodySplitter.nestingDepth(bytes, in: range)
        if depth > maximumDepth {
            return .failure(ValidationFailure([FieldError(
                path: "body", reason: "nests arrays and objects \(depth) levels deep; at most \(maximumDepth) are accepted")]))
        }
        do {
            return .success(try JSONDecoder().decode(JSONValue.self, from: Data(bytes[range])))
        } catch {
            return .failure(ValidationFailure([FieldError(path: "body", reason: "is not valid JSON: \(describe(error))")]))
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else { return String(describing: error) }
        if let underlying = context.underlyingError as? NSError,
           let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
            return detail
        }
        return context.debugDescription
    }
}
