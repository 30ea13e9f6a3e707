import Foundation
import KeycardCore
import KeycardIntake
import Testing

/// Small accessors over decoder output shared by the intake decoding tests.
extension DecodedItem {
    var event: LifecycleEvent? {
        if case .event(let event) = self { return event }
        return nil
    }

    var errors: [FieldError] {
        if case .invalid(let failure, _) = self { return failure.errors }
        return []
    }

    var invalidBody: Data? {
        if case .invalid(_, let body) = self { return body }
        return nil
    }
}

func decode(_ source: IntakeSource, _ text: String, headers: [String: String] = [:]) -> [DecodedItem] {
    EventDecoders.decoder(for: source).decode(body: Data(text.utf8), headers: headers)
}

/// The only item of a delivery that must hold exactly one.
func single(_ items: [DecodedItem], sourceLocation: SourceLocation = #_sourceLocation) throws -> DecodedItem {
    try #require(items.count == 1, "expected one item, got \(items.count): \(items)", sourceLocation: sourceLocation)
    return items[0]
}

func paths(_ item: DecodedItem) -> Set<String> {
    Set(item.errors.map(\.path))
}

func utcDate(_ text: String) -> Date {
    Timestamps.parseInstant(text)!
}
