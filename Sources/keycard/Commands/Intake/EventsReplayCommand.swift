import ArgumentParser
import Foundation
import KeycardIntake
import KeycardStore

/// `keycard events replay`: feeds a dead letter (or a corrected file for it) through intake again.
struct EventsReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Replay a dead letter as received, or with a corrected body (--file).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Dead-letter id.")
    var deadLetterID: Int64

    @Option(help: ArgumentHelp("A corrected payload to ingest in its place.", valueName: "path"))
    var file: String?

    func run() async throws {
        let database = try global.openDatabase()
        let body = try file.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let outcomes: [IngestOutcome]
        do {
            outcomes = try IntakePipeline(database: database).replay(deadLetterID: deadLetterID, fixedBody: body)
        } catch let error as IntakeError {
            throw CLIError(error.description)
        }
        var report = IngestReport()
        report.add(outcomes, file: file ?? "dead letter \(deadLetterID)")
        if global.json { try JSONOutput.print(report) } else { print(report.text(database: global.databasePath)) }
        if report.rejected > 0 {
            throw CLIError("replay rejected again; dead letter \(deadLetterID) stays open (the new attempt is its own dead letter)")
        }
    }
}
