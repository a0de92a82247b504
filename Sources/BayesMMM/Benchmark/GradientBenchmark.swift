#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Measures log density + gradient evaluations per second on one thread.
///
/// Evaluates the density at a fixed set of points drawn from uniform(-radius, radius)^d,
/// cycling through them, for at least `minimumSeconds` of wall time after a warm-up pass.
/// The figure is a throughput on this machine, printed by `bayes-mmm benchmark`; it is
/// never asserted in tests.
public struct GradientBenchmark: Sendable {
  public let evaluations: Int
  public let seconds: Double
  /// CPU seconds of the measuring thread over the same evaluations (`ThreadCPUClock`).
  public let cpuSeconds: Double
  public let dimension: Int
  public var evaluationsPerSecond: Double { Double(evaluations) / seconds }
  /// Evaluations per second of the thread's own CPU time: the figure to compare when other
  /// processes share the machine (it still feels a busy sibling hyper-thread and caches).
  public var evaluationsPerCPUSecond: Double { Double(evaluations) / cpuSeconds }
  public var microsecondsPerEvaluation: Double { 1e6 * seconds / Double(evaluations) }

  public init(
    density: any LogDensity, minimumSeconds: Double = 1, seed: UInt64 = 1, radius: Double = 1
  ) {
    let rng = GSLRandom(runSeed: seed)
    let dimension = density.dimension
    let points = (0..<16).map { _ in (0..<dimension).map { _ in rng.uniform(-radius, radius) } }
    var gradient = [Double](repeating: 0, count: dimension)
    var sink = 0.0
    func run(_ count: Int) {
      gradient.withUnsafeMutableBufferPointer { g in
        for k in 0..<count {
          sink += points[k & 15].withUnsafeBufferPointer { density.logDensity(at: $0, gradient: g) }
        }
      }
    }
    run(200)
    var evaluations = 0
    var batch = 256
    let start = MonotonicClock.seconds()
    let cpuStart = ThreadCPUClock.seconds()
    var elapsed = 0.0
    while elapsed < minimumSeconds {
      run(batch)
      evaluations += batch
      elapsed = MonotonicClock.seconds() - start
      if elapsed < minimumSeconds / 10 { batch *= 2 }
    }
    self.evaluations = evaluations
    self.seconds = elapsed
    cpuSeconds = ThreadCPUClock.seconds() - cpuStart
    self.dimension = dimension
    blackHole(sink)
  }
}

/// Consumes a value so the optimiser cannot drop the work that produced it.
@inline(never) func blackHole(_ value: Double) { _ = value.bitPattern }
