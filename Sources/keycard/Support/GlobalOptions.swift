import ArgumentParser
import Foundation
import KeycardStore

/// Options every command that touches data accepts: the database, JSON output and logging.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file (default ./keycard.sqlite, or $KEYCARD_DB).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Print data as JSON on stdout (logs never go there).")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Write logs to this file instead of stderr.", valueName: "path"))
    var logFile: String?

    @Option(name: .long, help: ArgumentHelp("Log level: trace, debug, info, notice, warning, error, critical.", valueName: "level"))
    var logLevel: String = "warning"

    /// The database path from `--db`, `$KEYCARD_DB`, or `./keycard.sqlite`.
    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["KEYCARD_DB"] ?? "./keycard.sqlite"
    }

    /// Opens the store and sets up logging; call once per command.
    func openDatabase() throws -> KeycardDatabase {
        LogSetup.bootstrap(level: logLevel, file: logFile)
        do {
            return try KeycardDatabase.open(path: databasePath)
        } catch {
            throw CLIError(String(describing: error))
        }
    }
}
