import CSQLiteTuning

/// The process-wide SQLite settings (`keycard_sqlite_tune`: no global mutex around allocations, no mutex per call on
/// a connection), applied once, before this process's first connection opens (the sandbox's store asks too).
public enum SQLiteTuning {
    /// SQLite's answer to the first request in the process: `SQLITE_OK` when applied, `SQLITE_MISUSE` when SQLite had
    /// initialized before (then the defaults hold: safe, only slower).
    public static var result: Int32 { keycard_sqlite_tune() }
}
