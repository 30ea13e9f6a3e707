import ArgumentParser
import Foundation
import KeycardStore

/// `keycard events discard`: closes a dead letter that should never be applied, with the reason.
struct EventsDiscardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "discard", abstract: "Discard a dead letter, recording why.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Dead-letter id.")
    var deadLetterID: Int64

    @Option(help: "Why it is discarded (kept with the dead letter).")
    var reason: String

    func run() async throws {
        let database = try global.openDatabase()
        do {
            try database.resolveDeadLetter(id: deadLetterID, as: .discarded, resolution: reason, at: Date())
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
        print("dead letter \(deadLetterID) discarded: \(reason)")
    }
}
