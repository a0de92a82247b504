/// Maximises a smooth function of the scale factors over a `BudgetConstraint` by projected
/// gradient ascent with a backtracking (Armijo) line search along the projection arc
/// (Bertsekas, Nonlinear Programming, 2.3).
///
/// ```swift
/// let result = ProjectedGradientAscent().maximize(objective, over: constraint, from: ones)
/// result.scales       // feasible: within the bounds, spending the budget to rounding
/// result.stopReason   // .stationary, .smallImprovement or .iterationLimit
/// ```
///
/// Iteration k: g = the gradient by central differences (step `differenceStep` in each
/// scale); a trial step t gives x(t) = P(x + t g), accepted when
/// J(x(t)) >= J(x) + `sufficientIncrease` g . (x(t) - x), else t is halved. The first trial
/// is twice the last accepted step (1 / max|g| at the start), so steps grow back after a
/// short one. It stops when the projected gradient P(x + g) - x is below
/// `stationarityTolerance` in every scale (a KKT point: the gradient is balanced by the
/// budget's multiplier and the binding bounds), when an accepted step improves J by less
/// than `relativeTolerance` of |J|, when no step of at least 1e-12 improves J, or after
/// `maxIterations`.
///
/// Deterministic: no randomness of its own, so the same objective gives the same path.
///
/// - Complexity: per iteration 2S evaluations of J for the gradient plus one per trial step.
public struct ProjectedGradientAscent: Sendable {
  public var differenceStep = 1e-4
  public var sufficientIncrease = 1e-4
  public var stationarityTolerance = 1e-6
  public var relativeTolerance = 1e-12
  public var maxIterations = 200

  public init() {}

  public enum StopReason: String, Sendable, Equatable {
    /// The projected gradient vanished (to `stationarityTolerance`).
    case stationary
    /// An accepted step improved J by less than `relativeTolerance`.
    case smallImprovement = "small_improvement"
    /// The line search found no improving step.
    case noImprovingStep = "no_improving_step"
    /// The line search stalled and `CompassSearch` finished, its step below its minimum.
    case compassSearch = "compass_search"
    /// `maxIterations` (or the compass search's evaluations) ran out first: the result is
    /// not known to be optimal.
    case iterationLimit = "iteration_limit"
  }

  public struct Result: Sendable, Equatable {
    public let scales: [Double]
    public let value: Double
    public let iterations: Int
    public let evaluations: Int
    public let stopReason: StopReason
    /// False only when the iteration limit stopped the ascent.
    public var converged: Bool { stopReason != .iterationLimit }
  }

  /// Maximises `objective` over `constraint` from the projection of `start`.
  public func maximize(
    _ objective: ([Double]) -> Double, over constraint: BudgetConstraint, from start: [Double]
  ) -> Result {
    var evaluations = 0
    func value(_ x: [Double]) -> Double {
      evaluations += 1
      return objective(x)
    }
    var x = constraint.project(start)
    var current = value(x)
    var step = 0.0
    for iteration in 0..<maxIterations {
      let gradient = centralDifferences(value, at: x)
      let stationarity =
        zip(constraint.project(zip(x, gradient).map { $0 + $1 }), x)
        .map { abs($0 - $1) }.max() ?? 0
      if stationarity < stationarityTolerance {
        return Result(
          scales: x, value: current, iterations: iteration, evaluations: evaluations,
          stopReason: .stationary)
      }
      let largest = gradient.map(abs).max() ?? 0
      var trial = step > 0 ? 2 * step : 1 / largest
      var accepted: (x: [Double], value: Double)?
      while trial >= 1e-12 {
        let candidate = constraint.project(zip(x, gradient).map { $0 + trial * $1 })
        let candidateValue = value(candidate)
        let ascent = zip(gradient, zip(candidate, x)).reduce(0) { $0 + $1.0 * ($1.1.0 - $1.1.1) }
        if candidateValue >= current + sufficientIncrease * ascent, ascent > 0 {
          accepted = (candidate, candidateValue)
          break
        }
        trial /= 2
      }
      guard let next = accepted else {
        return Result(
          scales: x, value: current, iterations: iteration + 1, evaluations: evaluations,
          stopReason: .noImprovingStep)
      }
      let improvement = (next.value - current) / max(abs(current), .leastNormalMagnitude)
      x = next.x
      current = next.value
      step = trial
      if improvement < relativeTolerance {
        return Result(
          scales: x, value: current, iterations: iteration + 1, evaluations: evaluations,
          stopReason: .smallImprovement)
      }
    }
    return Result(
      scales: x, value: current, iterations: maxIterations, evaluations: evaluations,
      stopReason: .iterationLimit)
  }

  /// (J(x + h e_s) - J(x - h e_s)) / 2h for each s; error O(h^2) for a smooth J. The
  /// points may leave the bounds by h, where the per-draw revenue is still defined.
  private func centralDifferences(_ value: ([Double]) -> Double, at x: [Double]) -> [Double] {
    x.indices.map { s in
      var up = x
      var down = x
      let h = differenceStep
      up[s] += h
      down[s] = max(down[s] - h, 0)
      return (value(up) - value(down)) / (up[s] - down[s])
    }
  }
}
