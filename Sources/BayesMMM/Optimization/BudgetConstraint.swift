/// The feasible set of a budget allocation over the observed window: each social channel's
/// weekly path scaled by a factor f_s within [lower_s, upper_s], with the total social spend
/// equal to the budget,
///
///     lower_s <= f_s <= upper_s,     sum_s f_s spend_s = budget,
///
/// where spend_s is the channel's observed total (currency). A box intersected with one
/// hyperplane: convex, so the Euclidean projection onto it is unique.
///
/// ```swift
/// let constraint = BudgetConstraint(
///   observedSpend: [1000, 500], lower: [0.5, 0.5], upper: [2, 2], budget: 1500)
/// constraint.project([3, 0])      // [1.0, 1.0]: nearest feasible scales
/// ```
public struct BudgetConstraint: Sendable, Equatable {
  /// Observed total spend of each channel over the window, currency, `[S]`, each >= 0.
  public let observedSpend: [Double]
  /// Bounds on the scale factors, `[S]`, 0 <= lower <= upper.
  public let lower: [Double]
  public let upper: [Double]
  /// The total social spend of every feasible plan, currency.
  public let budget: Double

  public init(observedSpend: [Double], lower: [Double], upper: [Double], budget: Double) {
    precondition(
      observedSpend.count == lower.count && lower.count == upper.count, "one bound per channel")
    precondition(zip(lower, upper).allSatisfy { 0 <= $0 && $0 <= $1 }, "0 <= lower <= upper")
    self.observedSpend = observedSpend
    self.lower = lower
    self.upper = upper
    self.budget = budget
  }

  /// The least and the most total spend the bounds allow, currency.
  public var spendRange: ClosedRange<Double> {
    spend(of: lower)...spend(of: upper)
  }

  /// Whether some scales within the bounds spend exactly the budget (to 1e-12 relative).
  public var isFeasible: Bool {
    let range = spendRange
    let slack = 1e-12 * max(abs(budget), 1)
    return range.lowerBound - slack <= budget && budget <= range.upperBound + slack
  }

  /// sum_s f_s spend_s, currency.
  public func spend(of scales: [Double]) -> Double {
    zip(scales, observedSpend).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// The feasible point nearest to `point` (Euclidean): clamp(point + lambda w, lower,
  /// upper) with w = `observedSpend` and lambda the root of the nondecreasing, piecewise
  /// linear spend(lambda) = budget.
  ///
  /// lambda is bracketed by the values that put every channel at its lower or its upper
  /// bound and found by bisection; bisection alone leaves the budget off by the bracket's
  /// width, so the last step solves the linear piece exactly over the channels strictly
  /// inside their bounds. The budget then holds to rounding (~1e-15 relative). Requires
  /// `isFeasible`.
  ///
  /// - Complexity: O(S) per bisection step, at most 200 steps.
  public func project(_ point: [Double]) -> [Double] {
    precondition(point.count == observedSpend.count, "one scale per channel")
    precondition(isFeasible, "a budget the bounds allow")
    func scales(_ lambda: Double) -> [Double] {
      point.indices.map { s in
        min(max(point[s] + lambda * observedSpend[s], lower[s]), upper[s])
      }
    }
    var low = 0.0
    var high = 0.0
    for s in point.indices where observedSpend[s] > 0 {
      low = min(low, (lower[s] - point[s]) / observedSpend[s])
      high = max(high, (upper[s] - point[s]) / observedSpend[s])
    }
    for _ in 0..<200 {
      let middle = 0.5 * (low + high)
      guard middle > low && middle < high else { break }
      if spend(of: scales(middle)) < budget { low = middle } else { high = middle }
    }
    var lambda = 0.5 * (low + high)
    var result = scales(lambda)
    // The exact root of the linear piece through lambda: only free channels move with it.
    let free = result.indices.filter {
      observedSpend[$0] > 0 && result[$0] > lower[$0] && result[$0] < upper[$0]
    }
    let slope = free.reduce(0) { $0 + observedSpend[$1] * observedSpend[$1] }
    if slope > 0 {
      lambda += (budget - spend(of: result)) / slope
      result = scales(lambda)
    }
    return result
  }
}
