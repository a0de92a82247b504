/// A derivative-free finish for the allocation's ascent where the objective is not smooth:
/// compass (pattern) search along the budget-preserving directions e_i - e_j (Kolda, Lewis
/// and Torczon, SIAM Review 45, 2003, with the directions of a linear equality constraint).
///
/// ```swift
/// let polished = CompassSearch().maximize(objective, over: constraint, from: ascent.scales)
/// ```
///
/// Why: a simulated hurdle switches Google on or off where a path's uniform crosses the
/// on-probability, so per-draw revenue has small jumps, and under CVaR the tail changes
/// members; a finite-difference gradient then points nowhere useful and the line search
/// stops (`ProjectedGradientAscent.StopReason.noImprovingStep`) short of the optimum.
/// Compass search needs no gradient: from x, try x + delta (e_i - e_j) for every ordered pair
/// i != j (which keeps sum_s x_s), clipped to the bounds, in a fixed order; move to the best
/// improving point, else halve delta. It stops when delta falls below `minimumStep`, a
/// stationarity measure of the pattern (Kolda et al., Theorem 3.3), or after
/// `maxEvaluations`.
///
/// Deterministic: the same objective gives the same path.
///
/// - Complexity: S (S - 1) evaluations per step.
struct CompassSearch: Sendable {
  var initialStep = 0.05
  var minimumStep = 1e-4
  var maxEvaluations = 2000

  struct Result: Sendable, Equatable {
    let point: [Double]
    let value: Double
    let evaluations: Int
    /// False when `maxEvaluations` ran out before the step fell below `minimumStep`.
    let converged: Bool
  }

  /// Maximises `objective` over `constraint` (observed spends all 1: coordinates are the
  /// plan's spend shares) from the feasible `start`.
  func maximize(
    _ objective: ([Double]) -> Double, over constraint: BudgetConstraint, from start: [Double]
  ) -> Result {
    var x = start
    var best = objective(x)
    var evaluations = 1
    var step = initialStep
    let count = x.count
    while step >= minimumStep {
      if evaluations >= maxEvaluations {
        return Result(point: x, value: best, evaluations: evaluations, converged: false)
      }
      var move: (point: [Double], value: Double)?
      for i in 0..<count {
        for j in 0..<count where j != i {
          // The largest move up to `step` that keeps x_i <= upper_i and x_j >= lower_j.
          let room = min(step, constraint.upper[i] - x[i], x[j] - constraint.lower[j])
          guard room > 0.5 * minimumStep else { continue }
          var candidate = x
          candidate[i] += room
          candidate[j] -= room
          let value = objective(candidate)
          evaluations += 1
          if value > (move?.value ?? best) { move = (candidate, value) }
        }
      }
      if let move {
        x = move.point
        best = move.value
      } else {
        step /= 2
      }
    }
    return Result(point: x, value: best, evaluations: evaluations, converged: true)
  }
}
