import Foundation

/// Starts a thread that `top -H`, `ps -L` and `perf` list under its name. Foundation names the system thread only
/// when the new thread runs after `start` has returned (else it keeps its creator's name, e.g. a pool thread's), so
/// the thread also writes its name where Linux keeps it.
enum NamedThread {
    static func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        Thread {
            Thread.current.name = name
            try? name.write(toFile: "/proc/thread-self/comm", atomically: false, encoding: .utf8)
            body()
        }.start()
    }
}
