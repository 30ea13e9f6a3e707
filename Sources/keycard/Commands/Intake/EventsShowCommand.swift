import ArgumentParser
import Foundation
import KeycardCore
import KeycardStore

/// `keycard events show`: one event with the exact bytes of the delivery it came from.
struct EventsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one event (by event_id) or dead letter (--dead ID) with its raw delivery.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "An event_id, or a dead-letter id with --dead.")
    var id: String

    @Flag(help: "ID is a dead-letter id.")
    var dead = false

    func run() async throws {
        let database = try global.openDatabase()
        if dead {
            guard let number = Int64(id), let letter = try database.deadLetter(id: number) else {
                throw CLIError("no dead letter with id \(id) (see `keycard events list --dead`)")
            }
            if global.json { return try JSONOutput.print(DeadLetterView(letter)) }
            let view = DeadLetterView(letter)
            print("dead letter \(letter.id)  \(letter.status.rawValue)  source \(letter.source)  received \(Timestamps.format(letter.createdAt))")
            if let resolution = letter.resolution { print("resolution: \(resolution)") }
            print("errors:")
            for error in letter.errors { print("  \(error.path): \(error.reason)") }
            print("body (\(view.bodyEncoding)):\n\(view.body)")
            return
        }
        guard let stored = try database.event(eventID: id) else {
            throw CLIError("no event with event_id \(id) (see `keycard events list`)")
        }
        let delivery = try database.delivery(id: stored.deliveryID)
        if global.json { return try JSONOutput.print(EventView(stored)) }
        print("\(stored.event.eventID)  \(stored.event.type.rawValue)  employee \(stored.event.employeeID)  \(stored.status.rawValue)")
        print("timestamp \(Timestamps.format(stored.event.timestamp))  effective \(Timestamps.format(stored.event.effectiveAt))  source \(stored.event.source)")
        if let reason = stored.holdReason { print("held: \(reason)") }
        if stored.duplicateCount > 0 { print("delivered again \(stored.duplicateCount) time(s); stored once") }
        print("data:")
        for (key, value) in stored.event.data.sorted(by: { $0.key < $1.key }) { print("  \(key): \(value)") }
        if let delivery {
            print("raw delivery \(stored.deliveryID) received \(Timestamps.format(delivery.receivedAt)) from \(delivery.source):")
            print(String(data: delivery.body, encoding: .utf8) ?? delivery.body.base64EncodedString())
        }
    }
}
