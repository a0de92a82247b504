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
