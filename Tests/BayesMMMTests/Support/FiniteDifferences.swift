import Foundation

@testable import BayesMMM

/// Central finite differences of a `LogDensity`, for gradient checks.
enum FiniteDifferences {
  /// log p and its analytic gradient at `point`.
  static func evaluate(_ density: any LogDensity, at point: [Double]) -> (Double, [Double]) {
    var gradient = [Double](repeating: .nan, count: density.dimension)
    let value = point.withUnsafeBufferPointer { q in
      gradient.withUnsafeMutableBufferPointer { density.logDensity(at: q, gradient: $0) }
    }
    return (value, gradient)
  }

  /// Central differences (f(x + h e_i) - f(x - h e_i)) / 2h with a step scaled to |x_i|.
  static func gradient(_ density: any LogDensity, at point: [Double], step: Double = 1e-6)
    -> [Double]
  {
    (0..<point.count).map { i in
      let h = step * max(1, abs(point[i]))
      var up = point
      var down = point
      up[i] += h
      down[i] -= h
      return (evaluate(density, at: up).0 - evaluate(density, at: down).0) / (2 * h)
    }
  }

  /// Largest error of `analytic` against `numeric`, relative to max(1, |numeric|).
  static func maxScaledError(_ analytic: [Double], _ numeric: [Double]) -> (Double, Int) {
    var worst = 0.0
    var index = -1
    for i in analytic.indices {
      let error = abs(analytic[i] - numeric[i]) / max(1, abs(numeric[i]))
      if !(error <= worst) {
        worst = error
        index = i
      }
    }
    return (worst, index)
  }
}
