import ArgumentParser

/// `keycard audit`: the hash-chained evidence of every step and operator action.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify, export and read the hash-chained audit trail.",
        subcommands: [AuditVerifyCommand.self, AuditExportCommand.self, AuditTailCommand.self]
    )
}
