import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// The CPU time the calling thread has used so far.
enum ThreadCPUTime {
    static func now() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
    }
}
