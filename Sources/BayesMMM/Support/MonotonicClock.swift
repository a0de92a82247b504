#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Seconds from a monotonic clock (CLOCK_MONOTONIC), for wall-time measurements.
public enum MonotonicClock {
  public static func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + 1e-9 * Double(now.tv_nsec)
  }
}

/// Seconds of CPU time used by the calling thread (CLOCK_THREAD_CPUTIME_ID): unlike wall
/// time it does not count the time the thread waits while other processes hold the cores,
/// so one-thread throughput measured with it varies less on a shared machine.
public enum ThreadCPUClock {
  public static func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + 1e-9 * Double(now.tv_nsec)
  }
}
