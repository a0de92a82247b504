import XCTest

@testable import BayesMMM

/// The pieces that let the allocation climb objectives with kinks: the smoothed CVaR and
/// the compass search that finishes where the gradient ascent stalls.
final class NonSmoothObjectiveTests: XCTestCase {
  func testSmoothedCVaRLiesWithinItsStatedBoundBelowTheExactCVaR() {
    for seed in UInt64(1)...20 {
      let rng = GSLRandom(runSeed: seed)
      let draws = (0..<500).map { _ in 1_000 + 100 * rng.standardNormal() }
      for alpha in [0.05, 0.1, 0.5, 1.0] {
        let exact = AllocationObjective.conditionalValueAtRisk(alpha: alpha).value(of: draws)
        for width in [0.01, 1.0, 5.0] {
          let smooth = SmoothedCVaR(alpha: alpha, width: width).value(of: draws)
          // CVaR - width log 2 / alpha <= S <= CVaR, to the bisection's rounding.
          XCTAssertLessThanOrEqual(smooth, exact + 1e-9 * abs(exact), "seed \(seed)")
          XCTAssertGreaterThanOrEqual(
            smooth, exact - width * log(2) / alpha - 1e-9 * abs(exact), "seed \(seed)")
        }
      }
    }
  }

  func testSmoothedCVaRIsSmoothWhereTheExactOneHasAKink() {
    // Two draws swap ranks at x = 0: the exact CVaR at alpha 0.25 (the worst of 4) is
    // min(1 + x, 1 - x), whose slope jumps from 1 to -1; the smoothed one's central
    // difference passes through 0 in small steps.
    let cvar = SmoothedCVaR(alpha: 0.25, width: 0.05)
    func value(_ x: Double) -> Double { cvar.value(of: [1 + x, 1 - x, 5, 6]) }
    let h = 1e-4
    let slopes = stride(from: -0.02, through: 0.02, by: 0.01).map {
      (value($0 + h) - value($0 - h)) / (2 * h)
    }
    XCTAssertEqual(slopes[2], 0, accuracy: 1e-6)
    for (left, right) in zip(slopes, slopes.dropFirst()) {
      XCTAssertGreaterThan(left, right)
      XCTAssertLessThan(left - right, 0.5)
    }
  }

  func testCompassSearchFindsTheMaximumOfAPiecewiseLinearConcaveObjective() {
    // J(x) = -sum_s |x_s - target_s| on the simplex sum x = 1 with 0 <= x <= 1: no gradient
    // at the optimum, where a gradient ascent's line search stalls.
    let target = [0.1, 0.5, 0.15, 0.25]
    let constraint = BudgetConstraint(
      observedSpend: [1, 1, 1, 1], lower: [0, 0, 0, 0], upper: [1, 1, 1, 1], budget: 1)
    let objective = { (x: [Double]) in -zip(x, target).reduce(0) { $0 + abs($1.0 - $1.1) } }
    let result = CompassSearch().maximize(
      objective, over: constraint, from: [0.25, 0.25, 0.25, 0.25])
    XCTAssertTrue(result.converged)
    for (x, t) in zip(result.point, target) { XCTAssertEqual(x, t, accuracy: 1e-4) }
    XCTAssertEqual(result.point.reduce(0, +), 1, accuracy: 1e-12)
    let again = CompassSearch().maximize(
      objective, over: constraint, from: [0.25, 0.25, 0.25, 0.25])
    XCTAssertEqual(result, again)
  }

  func testCompassSearchKeepsWithinTheBounds() {
    let constraint = BudgetConstraint(
      observedSpend: [1, 1, 1], lower: [0.2, 0.1, 0.1], upper: [0.3, 0.8, 0.8], budget: 1)
    // Increasing in x_0 and x_1, so both want to grow: x_0 stops at its upper bound 0.3.
    let result = CompassSearch().maximize(
      { 3 * $0[0] + $0[1] - abs($0[1] - 0.5) }, over: constraint, from: [0.25, 0.4, 0.35])
    XCTAssertEqual(result.point[0], 0.3, accuracy: 1e-12)
    XCTAssertEqual(result.point[1], 0.5, accuracy: 1e-4)
    XCTAssertEqual(result.point[2], 0.2, accuracy: 1e-4)
  }
}
