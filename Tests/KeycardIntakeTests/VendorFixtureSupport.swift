import Foundation
import KeycardCore
import KeycardIntake
import KeycardTestSupport
import Testing

/// Decodes `fixtures/hris/<source>/<name>` and requires a single valid event.
func vendorEvent(_ source: IntakeSource, _ name: String, headers: [String: String] = [:],
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> LifecycleEvent {
    let body = try FixturePaths.data("hris/\(source.rawValue)/\(name)")
    let item = try single(EventDecoders.decoder(for: source).decode(body: body, headers: headers), sourceLocation: sourceLocation)
    return try #require(item.event, "\(name): \(item.errors)", sourceLocation: sourceLocation)
}
