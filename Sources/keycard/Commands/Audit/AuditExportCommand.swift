import ArgumentParser
import Foundation
import KeycardCore
import KeycardStore

/// `keycard audit export`: evidence for a time window as CSV or JSON lines, each record with its hash.
struct AuditExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export audit records (since ≤ time < until) as CSV or JSON lines.",
        discussion: """
            Each record carries prev_hash and hash. To re-verify a JSON-lines export, drop "hash" from each object, \
            print it with sorted keys and no spaces (Python: json.dumps(o, sort_keys=True, separators=(",", ":"), \
            ensure_ascii=False)), and compare its SHA-256 with "hash" and with the next record's prev_hash.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Records at or after this instant (2026-01-15T09:00:00Z or 2026-01-15).", valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Records before this instant.", valueName: "time"))
    var until: String?

    @Option(help: "csv or jsonl.")
    var format = "jsonl"

    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard AuditExportFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be csv or jsonl, got '\(format)'")
        }
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, Timestamps.parseInstant(value) == nil {
                throw ValidationError("\(name) '\(value)' is not an ISO 8601 instant or date (e.g. 2026-01-15T09:00:00Z)")
            }
        }
    }

    func run() async throws {
        let database = try global.openDatabase()
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil) else {
                throw CLIError("cannot create --output file \(output)")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        } else {
            handle = FileHandle.standardOutput
        }
        defer { if output != nil { try? handle.close() } }
        var buffer = ""
        try database.exportAudit(
            since: since.flatMap(Timestamps.parseInstant), until: until.flatMap(Timestamps.parseInstant),
            format: AuditExportFormat(rawValue: format) ?? .jsonl
        ) { chunk in
            buffer += chunk
            if buffer.utf8.count >= 64 * 1024 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
    }
}
