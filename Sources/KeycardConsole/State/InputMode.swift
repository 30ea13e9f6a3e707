/// Whether keys act as commands, or are typed into the `:` command line or the `/` filter line.
public enum InputMode: Sendable, Hashable {
    case normal
    case command(String)
    case filter(String)
}
