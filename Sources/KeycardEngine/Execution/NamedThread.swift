import Foundation

/// Starts a thread that `top -H`, `ps -L` and `perf` list under its name: on Linux, `Thread.name` set before `start`
/// names only the object, so the new thread names itself.
enum NamedThread {
    static func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        Thread {
            Thread.current.name = name
            body()
        }.start()
    }
}
