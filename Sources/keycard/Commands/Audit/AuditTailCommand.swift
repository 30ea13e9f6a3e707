import ArgumentParser
import KeycardStore

/// `keycard audit tail`: the newest audit records.
struct AuditTailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tail", abstract: "Show the newest audit records.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .shortAndLong, help: "How many records.")
    var n = 20

    func run() async throws {
        let database = try global.openDatabase()
        let records = try database.auditTail(limit: n)
        if global.json { return try JSONOutput.print(records) }
        print(TextTable(
            headers: ["SEQ", "TIME", "ACTOR", "RUN", "EMPLOYEE", "ACTION", "RESULT", "CONFIRMATION", "HASH"],
            rows: records.map { record in
                [
                    String(record.sequence), record.timestamp, record.actor, record.runID ?? "-", record.employeeID ?? "-",
                    [record.system, record.action].compactMap { $0 }.joined(separator: ":"), record.result,
                    record.confirmationID ?? "-", String(record.hash.prefix(12)),
                ]
            }
        ).render())
    }
}
