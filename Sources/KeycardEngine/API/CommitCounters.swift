/// What the engine's writer has committed so far, and the CPU its thread spent on it (group commit at work).
public struct CommitCounters: Sendable, Equatable {
    public var transactions = 0
    public var groups = 0
    /// The writer thread's CPU applying groups and committing them (SQLite, WAL writes, `fsync`, checkpoints).
    public var writingCPU: Duration = .zero
    /// The writer thread's CPU settling tickets: publishing committed events and running their callbacks.
    public var resolvingCPU: Duration = .zero

    public init() {}
}
