#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Compares a log density's analytic gradient with finite differences, like CmdStan's
/// `diagnose` method.
///
/// Finite differences use the five-point central stencil
///
///     f'(u) ~ [8 (f(u + h) - f(u - h)) - (f(u + 2h) - f(u - 2h))] / (12 h)
///
/// whose truncation error is O(h^4): with h = 1e-4 (scaled by max(1, |u|)) both truncation
/// and round-off stay near 1e-10 for log densities of order 1e3, far below the 1e-6
/// tolerance. The error of a coordinate is reported absolute and relative, the relative
/// one as |analytic - numeric| / max(1, |analytic|, |numeric|) (so a gradient component
/// near zero is judged on its absolute error).
public struct GradientCheck: Sendable {
  /// One coordinate of one point.
  public struct Entry: Sendable {
    public let point: Int
    public let parameter: Int
    public let unconstrainedValue: Double
    public let analytic: Double
    public let numeric: Double
    public var absoluteError: Double { abs(analytic - numeric) }
    public var relativeError: Double {
      absoluteError / max(1, abs(analytic), abs(numeric))
    }
  }

  public let entries: [Entry]
  /// log density at each point.
  public let logDensities: [Double]
  public let points: Int
  public let parameters: Int

  /// Worst relative error over all entries (NaN propagates as +inf).
  public var maxRelativeError: Double {
    entries.reduce(0) { max($0, $1.relativeError.isNaN ? .infinity : $1.relativeError) }
  }
  public var maxAbsoluteError: Double {
    entries.reduce(0) { max($0, $1.absoluteError.isNaN ? .infinity : $1.absoluteError) }
  }

  /// Checks at `points` points drawn uniformly from (-radius, radius)^d.
  /// - Parameters:
  ///   - density: the target; evaluated about 4 d + 1 times per point.
  ///   - step: the finite-difference step h before scaling by max(1, |u|).
  public init(
    density: any LogDensity, points: Int, radius: Double = 2, seed: UInt64, step: Double = 1e-4
  ) {
    let rng = GSLRandom(runSeed: seed, stream: RandomStreams.chains.first)
    let dimension = density.dimension
    var entries: [Entry] = []
    var logDensities: [Double] = []
    var gradient = [Double](repeating: 0, count: dimension)
    var scratch = [Double](repeating: 0, count: dimension)
    func evaluate(_ point: [Double]) -> Double {
      point.withUnsafeBufferPointer { q in
        scratch.withUnsafeMutableBufferPointer { density.logDensity(at: q, gradient: $0) }
      }
    }
    for pointIndex in 0..<points {
      let point = (0..<dimension).map { _ in rng.uniform(-radius, radius) }
      let value = point.withUnsafeBufferPointer { q in
        gradient.withUnsafeMutableBufferPointer { density.logDensity(at: q, gradient: $0) }
      }
      logDensities.append(value)
      for i in 0..<dimension {
        let h = step * max(1, abs(point[i]))
        var shifted = point
        func at(_ offset: Double) -> Double {
          shifted[i] = point[i] + offset * h
          return evaluate(shifted)
        }
        let numeric = (8 * (at(1) - at(-1)) - (at(2) - at(-2))) / (12 * h)
        entries.append(
          Entry(
            point: pointIndex, parameter: i, unconstrainedValue: point[i], analytic: gradient[i],
            numeric: numeric))
      }
    }
    self.entries = entries
    self.logDensities = logDensities
    self.points = points
    self.parameters = dimension
  }
}
