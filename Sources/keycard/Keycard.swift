import ArgumentParser

/// The `keycard` command: HR events in, provisioned access out.
@main
struct Keycard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keycard",
        abstract: "Day-one access for every new hire: HRIS events in, accounts, groups, devices and messages out.",
        subcommands: [
            IngestCommand.self,
            EventsCommand.self,
            ServeCommand.self,
            PlanCommand.self,
            ExplainCommand.self,
            PolicyCommand.self,
            WhatIfCommand.self,
            AuditCommand.self,
            DemoCommand.self, WorkCommand.self, RunsCommand.self, ApproveCommand.self, DenyCommand.self, RetryCommand.self, SkipCommand.self,
            RollbackCommand.self, CancelCommand.self, PauseCommand.self, ResumeCommand.self,
            ConsoleCommand.self,
        ]
    )
}
