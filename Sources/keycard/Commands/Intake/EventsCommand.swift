import ArgumentParser

/// `keycard events`: the intake log — stored events and dead letters.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List and inspect intake events; replay or discard dead letters.",
        subcommands: [EventsListCommand.self, EventsShowCommand.self, EventsReplayCommand.self, EventsDiscardCommand.self],
        defaultSubcommand: EventsListCommand.self)
}
