import XCTest

@testable import BayesMMM

/// The projection onto bounds intersected with the budget, and the ascent over it.
final class BudgetConstraintTests: XCTestCase {
  func testProjectionsSpendTheBudgetWithinTheBoundsForManySeeds() {
    for seed in UInt64(1)...200 {
      let rng = GSLRandom(runSeed: seed)
      let count = 1 + rng.integer(below: 5)
      let spend = (0..<count).map { _ in rng.uniform(0, 1) < 0.1 ? 0 : rng.uniform(1, 1e6) }
      let lower = (0..<count).map { _ in rng.uniform(0, 1) }
      let upper = lower.map { $0 + rng.uniform(0, 3) }
      let low = zip(spend, lower).reduce(0) { $0 + $1.0 * $1.1 }
      let high = zip(spend, upper).reduce(0) { $0 + $1.0 * $1.1 }
      let constraint = BudgetConstraint(
        observedSpend: spend, lower: lower, upper: upper, budget: rng.uniform(low, high))
      let projected = constraint.project((0..<count).map { _ in rng.uniform(-5, 5) })
      for s in 0..<count {
        XCTAssertGreaterThanOrEqual(projected[s], lower[s], "seed \(seed)")
        XCTAssertLessThanOrEqual(projected[s], upper[s], "seed \(seed)")
      }
      XCTAssertEqual(
        constraint.spend(of: projected), constraint.budget,
        accuracy: 1e-9 * max(constraint.budget, 1), "seed \(seed)")
      // A feasible point is its own projection.
      let again = constraint.project(projected)
      for s in 0..<count { XCTAssertEqual(again[s], projected[s], accuracy: 1e-9) }
    }
  }

  func testABudgetOutsideTheBoundsIsInfeasible() {
    let constraint = BudgetConstraint(
      observedSpend: [100, 50], lower: [0.5, 0.5], upper: [2, 2], budget: 400)
    XCTAssertEqual(constraint.spendRange, 75...300)
    XCTAssertFalse(constraint.isFeasible)
  }

  /// J = sum_s a_s log(f_s w_s) with sum_s f_s w_s = B has its maximum at spend
  /// f_s w_s = B a_s / sum a (equal marginal returns a_s / spend_s), inside wide bounds.
  func testTheAscentFindsTheEqualMarginalReturnOptimumOfALogObjective() {
    let spend = [400.0, 100, 250]
    let weights = [1.0, 3, 2]
    let constraint = BudgetConstraint(
      observedSpend: spend, lower: [0, 0, 0], upper: [10, 10, 10], budget: 750)
    let result = ProjectedGradientAscent().maximize(
      { f in (0..<3).reduce(0) { $0 + weights[$1] * log(f[$1] * spend[$1]) } },
      over: constraint, from: [1, 1, 1])
    XCTAssertTrue(result.converged)
    for s in 0..<3 {
      XCTAssertEqual(result.scales[s] * spend[s], 750 * weights[s] / 6, accuracy: 1e-2)
    }
    XCTAssertEqual(constraint.spend(of: result.scales), 750, accuracy: 1e-9 * 750)
  }

  func testTheAscentStopsAtABindingBoundWhenOneChannelDominates() {
    let constraint = BudgetConstraint(
      observedSpend: [100, 100], lower: [0.5, 0.5], upper: [1.5, 1.5], budget: 200)
    let result = ProjectedGradientAscent().maximize(
      { f in 3 * f[0] + f[1] }, over: constraint, from: [1, 1])
    XCTAssertEqual(result.scales[0], 1.5, accuracy: 1e-9)
    XCTAssertEqual(result.scales[1], 0.5, accuracy: 1e-9)
    XCTAssertTrue(result.converged)
  }

  func testObjectivesParseAndCVaRIsTheMeanOfTheWorstShare() throws {
    XCTAssertEqual(try AllocationObjective(parsing: "mean"), .mean)
    let cvar = try AllocationObjective(parsing: "cvar:0.25")
    XCTAssertEqual(cvar, .conditionalValueAtRisk(alpha: 0.25))
    XCTAssertEqual(cvar.value(of: [5, 1, 4, 2, 3, 6, 7, 8]), 1.5)
    XCTAssertEqual(AllocationObjective.mean.value(of: [1, 2, 6]), 3)
    for bad in ["cvar:0", "cvar:1.5", "cvar:", "median"] {
      XCTAssertThrowsError(try AllocationObjective(parsing: bad)) {
        XCTAssertTrue(String(describing: $0).contains("'\(bad)'"))
      }
    }
  }

  func testBadBoundsAreErrorsNamingTheValue() throws {
    XCTAssertEqual(try ScaleBounds(parsing: "a=b=0.2:3"), try ScaleBounds(parsing: "a=b=0.2:3"))
    XCTAssertEqual(try ScaleBounds(parsing: "tiktok_spend=0:3").upper, 3)
    for bad in ["tiktok_spend=2:1", "tiktok_spend=-1:2", "tiktok_spend", "tiktok_spend=1", "=1:2"] {
      XCTAssertThrowsError(try ScaleBounds(parsing: bad)) {
        XCTAssertTrue(String(describing: $0).hasPrefix("--bounds '\(bad)'"), "\($0)")
      }
    }
  }
}
