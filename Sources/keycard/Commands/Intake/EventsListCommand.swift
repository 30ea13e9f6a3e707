import ArgumentParser
import Foundation
import KeycardCore
import KeycardStore

/// `keycard events list`: stored events, or dead letters with `--dead`.
struct EventsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List stored events (newest first), or dead letters.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this employee's events.")
    var employee: String?

    @Flag(help: "List dead letters (rejected deliveries) instead of events.")
    var dead = false

    @Option(help: "Dead letters of this status only: open, replayed, discarded (default: all).")
    var status: String?

    @Option(help: "At most this many rows.")
    var limit = 200

    func run() async throws {
        let database = try global.openDatabase()
        if dead {
            let wanted = try status.map { name in
                guard let value = DeadLetter.Status(rawValue: name) else {
                    throw ValidationError("--status must be one of: open, replayed, discarded")
                }
                return value
            }
            let letters = try database.deadLetters(status: wanted, limit: limit)
            if global.json { return try JSONOutput.print(letters.map(DeadLetterView.init)) }
            print(TextTable(headers: ["ID", "STATUS", "SOURCE", "RECEIVED", "ERRORS"], rows: letters.map { letter in
                [String(letter.id), letter.status.rawValue, letter.source, Timestamps.format(letter.createdAt),
                 letter.errors.map(\.description).joined(separator: "; ")]
            }).render())
        } else {
            let events = try database.events(employeeID: employee, limit: limit)
            if global.json { return try JSONOutput.print(events.map(EventView.init)) }
            print(TextTable(headers: ["EVENT", "TYPE", "EMPLOYEE", "TIMESTAMP", "EFFECTIVE", "STATUS", "SOURCE"], rows: events.map { stored in
                [stored.event.eventID, stored.event.type.rawValue, stored.event.employeeID,
                 Timestamps.format(stored.event.timestamp), Timestamps.format(stored.event.effectiveAt),
                 stored.status == .held ? "held: \(stored.holdReason ?? "")" : stored.status.rawValue
                    + (stored.duplicateCount > 0 ? " (+\(stored.duplicateCount) dup)" : ""),
                 stored.event.source]
            }).render())
        }
    }
}
