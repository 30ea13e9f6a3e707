import Foundation
import KeycardCore

/// Reads a JSON delivery item by item and hands each parsed item, with its own bytes, to a source's mapping.
enum JSONDelivery {
    static func decode(_ body: Data, item: (JSONValue, Data) -> [DecodedItem]) -> [DecodedItem] {
        let bytes = [UInt8](body)
        switch JSONBodySplitter.split(bytes) {
        case .rejected(let error):
            return [.invalid(ValidationFailure([error]), body: body)]
        case .single(let range):
            return decodeItem(bytes, range: range, itemBody: body, item: item)
        case .items(let ranges):
            return ranges.flatMap { decodeItem(bytes, range: $0, itemBody: Data(bytes[$0]), item: item) }
        }
    }

    private static func decodeItem(
        _ bytes: [UInt8], range: Range<Int>, itemBody: Data, item: (JSONValue, Data) -> [DecodedItem]
    ) -> [DecodedItem] {
        switch JSONItemParser.parse(bytes, range: range) {
        case .success(let value): return item(value, itemBody)
        case .failure(let failure): return [.invalid(failure, body: itemBody)]
        }
    }
}

extension DecodedItem {
    init(_ result: Result<LifecycleEvent, ValidationFailure>, body: Data) {
        switch result {
        case .success(let event): self = .event(event)
        case .failure(let failure): self = .invalid(failure, body: body)
        }
    }
}
