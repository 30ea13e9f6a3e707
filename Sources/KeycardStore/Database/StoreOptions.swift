/// How the store trades durability for speed.
public struct StoreOptions: Sendable {
    /// SQLite's `synchronous` pragma: `full` (the default) survives power loss, `normal` only crashes.
    public enum Synchronous: String, Sendable {
        case full = "FULL", normal = "NORMAL", off = "OFF"
    }

    public var synchronous: Synchronous

    public init(synchronous: Synchronous = .full) {
        self.synchronous = synchronous
    }
}
