/// The sizes of Stan's three warm-up stages, in iterations.
public struct WarmupWindowSettings: Equatable, Sendable {
  /// Fast stage I: step size only, while the chain finds the typical set. Default 75.
  public var initBuffer: Int = 75
  /// Fast stage III: step size only, with the final metric. Default 50.
  public var termBuffer: Int = 50
  /// Length of the first slow (metric) window; each next one doubles. Default 25.
  public var baseWindow: Int = 25

  public init(initBuffer: Int = 75, termBuffer: Int = 50, baseWindow: Int = 25) {
    self.initBuffer = initBuffer
    self.termBuffer = termBuffer
    self.baseWindow = baseWindow
  }
}

/// Stan's windowed warm-up schedule as a pure function of the number of warm-up iterations
/// (`windowed_adaptation`): an initial buffer, then metric windows of doubling length, then
/// a terminal buffer. Iterations are 0-based; the draw of warm-up iteration i feeds the metric
/// estimator when i lies in a window, and the metric is updated at each window's last
/// iteration.
///
/// ```swift
/// let schedule = WarmupSchedule(warmupIterations: 1000)
/// schedule.metricWindows   // [75..<100, 100..<150, 150..<250, 250..<450, 450..<950]
/// ```
///
/// Rules, as Stan:
/// - fewer than 20 warm-up iterations: no metric window (the step size still adapts);
/// - if init + base + term buffers exceed the warm-up, the stages become 15% / 75% / 10% of
///   it (truncated), one metric window;
/// - a window is stretched to the end of the slow stage when the next, doubled window
///   would not fit (the first window is never stretched).
///
/// Stan's `set_window_params` sets the 15/75/10 sizes without restarting its window counter
/// (see stan-dev/stan#3380), so there that one window may never close; this schedule
/// implements the documented intent: the metric is estimated once, at the end of the 75%.
///
/// Invariant: windows are contiguous, non-empty, start at `initBuffer` and end at
/// `warmupIterations - termBuffer` (or there are none).
public struct WarmupSchedule: Equatable, Sendable {
  public let warmupIterations: Int
  /// The stage sizes actually used (after the short-warm-up fallback).
  public let initBuffer: Int
  public let termBuffer: Int
  public let baseWindow: Int
  /// The metric windows, as ranges of 0-based warm-up iterations.
  public let metricWindows: [Range<Int>]

  public init(warmupIterations: Int, windows: WarmupWindowSettings = .init()) {
    self.warmupIterations = warmupIterations
    if warmupIterations < 20 {
      (initBuffer, termBuffer, baseWindow) = (warmupIterations, 0, 0)
      metricWindows = []
      return
    }
    if windows.initBuffer + windows.baseWindow + windows.termBuffer > warmupIterations {
      let initial = Int(0.15 * Double(warmupIterations))
      let terminal = Int(0.1 * Double(warmupIterations))
      (initBuffer, termBuffer) = (initial, terminal)
      baseWindow = warmupIterations - initial - terminal
    } else {
      (initBuffer, termBuffer, baseWindow) =
        (windows.initBuffer, windows.termBuffer, windows.baseWindow)
    }
    metricWindows = Self.windows(
      start: initBuffer, end: warmupIterations - termBuffer, baseWindow: baseWindow)
  }

  /// Doubling windows from `start` to `end` (exclusive), each stretched to `end` when the
  /// window after it would cross `end`.
  private static func windows(start: Int, end slowEnd: Int, baseWindow: Int) -> [Range<Int>] {
    guard baseWindow > 0, start < slowEnd else { return [] }
    var result: [Range<Int>] = []
    var windowStart = start
    var size = baseWindow
    var windowEnd = min(start + size, slowEnd)
    while true {
      result.append(windowStart..<windowEnd)
      if windowEnd >= slowEnd { break }
      windowStart = windowEnd
      size *= 2
      windowEnd = windowStart + size
      if windowEnd + 2 * size > slowEnd { windowEnd = slowEnd }
    }
    return result
  }

  /// Whether the draw of warm-up iteration `iteration` feeds the metric estimator.
  public func collectsMetricDraw(at iteration: Int) -> Bool {
    metricWindows.contains { $0.contains(iteration) }
  }

  /// Whether the metric is re-estimated after warm-up iteration `iteration`.
  public func endsMetricWindow(at iteration: Int) -> Bool {
    metricWindows.contains { $0.upperBound - 1 == iteration }
  }
}
