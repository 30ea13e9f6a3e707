import ArgumentParser
import Foundation
import KeycardIntake
import KeycardStore

/// `keycard ingest`: reads HRIS events from files, a folder or stdin and stores them.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest HRIS events from a file, a folder of files, or - for stdin.",
        discussion: """
            Each file is one delivery: a canonical event, a JSON array of events, or JSON lines; vendor \
            shapes with --source. Prints accepted / duplicate / held / rejected counts and every rejection \
            with its field errors; rejected items are kept as dead letters (`keycard events list --dead`). \
            Exits 0 only if nothing was rejected.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A file, a folder (its files in name order), or - for stdin.", valueName: "path"))
    var path: String

    @Option(help: "Payload shape: \(IntakeSource.allCases.map(\.rawValue).joined(separator: ", ")).")
    var source: String = IntakeSource.canonical.rawValue

    func run() async throws {
        guard let intakeSource = IntakeSource(rawValue: source) else {
            throw ValidationError(IntakeError.unknownSource(source).description)
        }
        let files = try DeliveryFiles.read(path)
        let database = try global.openDatabase()
        let pipeline = IntakePipeline(database: database)
        var report = IngestReport()
        for file in files {
            let outcomes = try pipeline.ingest(source: intakeSource, body: file.body, headers: ["X-Keycard-File": file.name])
            report.add(outcomes, file: file.name)
        }
        if global.json {
            try JSONOutput.print(report)
        } else {
            print(report.text(database: global.databasePath))
        }
        if report.rejected > 0 { throw ExitCode(1) }
    }
}
