import Foundation
import KeycardCore

/// Parses an `application/x-www-form-urlencoded` body into ordered name/value pairs.
enum FormURLEncoded {
    static func parse(_ text: String) -> Result<[(name: String, value: String)], ValidationFailure> {
        var pairs: [(name: String, value: String)] = []
        for field in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), !name.isEmpty else {
                return .failure(ValidationFailure([FieldError(path: "body", reason: "has a malformed form field \(ValueDescription.quoted(String(field)))")]))
            }
            guard let value = parts.count == 2 ? decode(parts[1]) : "" else {
                return .failure(ValidationFailure([FieldError(path: name, reason: "has malformed percent-encoding")]))
            }
            pairs.append((name, value))
        }
        return .success(pairs)
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
