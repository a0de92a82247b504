import XCTest

@testable import BayesMMM

/// Budget allocation on a small synthetic model whose draws are set by hand.
final class BudgetAllocationTests: XCTestCase {
  private func draws(_ model: JointModel, count: Int, seed: UInt64) -> [[Double]] {
    let rng = GSLRandom(runSeed: seed)
    return (0..<count).map { _ in
      model.constrain((0..<model.dimension).map { _ in rng.uniform(-1, 1) })
    }
  }

  /// Channel 1 raises revenue (concave: Hill saturation), channels 0 and 2 do nothing
  /// (no revenue, on/off or amount coefficient).
  private func oneEffectiveChannel(_ model: JointModel, count: Int) -> [[Double]] {
    draws(model, count: count, seed: 71).map { draw in
      var x = draw
      for s in 0..<3 {
        let block = model.layout.social[s]
        x[block.revenueCoefficient] = s == 1 ? 0.8 : 0
        for index in [block.onOffCoefficient, block.amountCoefficient].compactMap({ $0 }) {
          x[index] = 0
        }
      }
      return x
    }
  }

  private func settings(seed: UInt64 = 5) -> BudgetAllocation.Settings {
    var settings = BudgetAllocation.Settings(seed: seed)
    settings.paths = 2
    return settings
  }

  func testBudgetMovesToTheEffectiveChannelUntilItsBoundBinds() throws {
    let model = try TestModels.flightedModel(seed: 3)
    let allocation = try BudgetAllocation.compute(
      model: model, draws: oneEffectiveChannel(model, count: 20), settings: settings())
    XCTAssertEqual(allocation.scales[1], 2, accuracy: 1e-6)
    XCTAssertEqual(
      allocation.constraint.spend(of: allocation.scales), allocation.constraint.budget,
      accuracy: 1e-9 * allocation.constraint.budget)
    XCTAssertTrue(allocation.warnings.contains { $0.contains("is at its upper bound 2") })
    XCTAssertTrue(allocation.uplift.allSatisfy { $0 > 0 })
    // The zero-effect channels have no marginal return.
    for s in [0, 2] { XCTAssertTrue(allocation.marginalROI[s].allSatisfy { abs($0) < 1e-6 }) }
  }

  func testMarginalROICurvesAreZeroForDeadChannelsAndFallForASaturatingOne() throws {
    let model = try TestModels.flightedModel(seed: 3)
    let x = oneEffectiveChannel(model, count: 20)
    let allocation = try BudgetAllocation.compute(model: model, draws: x, settings: settings())
    let curves = MarginalROICurve.compute(allocation: allocation, model: model, draws: x, points: 5)
    XCTAssertEqual(curves.map(\.channel), model.inputs.socialNames)
    for s in [0, 2] {
      XCTAssertTrue(curves[s].median.allSatisfy { abs($0) < 1e-6 }, "channel \(s)")
    }
    let effective = curves[1]
    XCTAssertEqual(effective.scales.first ?? 0, 0.5, accuracy: 1e-12)
    XCTAssertEqual(effective.scales.last ?? 0, 2, accuracy: 1e-12)
    XCTAssertTrue(effective.median.allSatisfy { $0 > 0 })
    // Hill saturation: each extra unit returns less.
    for (a, b) in zip(effective.median, effective.median.dropFirst()) { XCTAssertGreaterThan(a, b) }
    // At the optimum's scale the curve's draws are the allocation's own marginal ROI.
    let atOptimum = MarginalROICurve.compute(
      allocation: allocation, model: model, draws: x, points: 2)
    XCTAssertEqual(atOptimum[1].scales.last ?? 0, allocation.scales[1], accuracy: 1e-6)
  }

  func testWithRoomToGrowTheIneffectiveChannelsGoToTheirLowerBounds() throws {
    let model = try TestModels.flightedModel(seed: 3)
    var settings = settings()
    let names = model.inputs.socialNames
    settings.bounds = [
      try ScaleBounds(parsing: "\(names[0])=0.25:2"), try ScaleBounds(parsing: "\(names[1])=0:20"),
    ]
    settings.budget = 0.9 * model.inputs.socialSpendCurrency.joined().reduce(0, +)
    let allocation = try BudgetAllocation.compute(
      model: model, draws: oneEffectiveChannel(model, count: 20), settings: settings)
    XCTAssertEqual(allocation.scales[0], 0.25, accuracy: 1e-6)
    XCTAssertEqual(allocation.scales[2], 0.5, accuracy: 1e-6)
    // Channel 1 takes the rest of the budget, far from its upper bound.
    XCTAssertGreaterThan(allocation.scales[1], 1)
    XCTAssertLessThan(allocation.scales[1], 20)
    XCTAssertEqual(
      allocation.constraint.spend(of: allocation.scales), try XCTUnwrap(settings.budget),
      accuracy: 1e-9 * (settings.budget ?? 0))
  }

  /// Two effective channels with room inside their bounds end where their mean marginal
  /// ROIs are equal (the mean objective's KKT condition; the optimiser sees every draw here).
  func testTwoFreeEffectiveChannelsEndAtEqualMarginalROI() throws {
    let model = try TestModels.flightedModel(seed: 3)
    let x = draws(model, count: 20, seed: 74).map { draw -> [Double] in
      var x = draw
      for (s, beta) in [0.0, 0.8, 0.5].enumerated() {
        let block = model.layout.social[s]
        x[block.revenueCoefficient] = beta
        for index in [block.onOffCoefficient, block.amountCoefficient].compactMap({ $0 }) {
          x[index] = 0
        }
      }
      return x
    }
    var settings = settings()
    let names = model.inputs.socialNames
    settings.bounds = try [1, 2].map { try ScaleBounds(parsing: "\(names[$0])=0:20") }
    let allocation = try BudgetAllocation.compute(model: model, draws: x, settings: settings)
    XCTAssertEqual(allocation.scales[0], 0.5, accuracy: 1e-6)
    for s in [1, 2] {
      XCTAssertGreaterThan(allocation.scales[s], 1e-3)
      XCTAssertLessThan(allocation.scales[s], 20 - 1e-3)
    }
    let roi = [1, 2].map { AllocationObjective.mean.value(of: allocation.marginalROI[$0]) }
    XCTAssertGreaterThan(roi[0], 0)
    XCTAssertEqual(roi[0], roi[1], accuracy: 0.02 * roi[0])
  }

  func testTheSameSeedGivesTheSameAllocationOnAnyNumberOfThreads() throws {
    let model = try TestModels.flightedModel(seed: 4)
    let x = draws(model, count: 30, seed: 72)
    var one = settings(seed: 9)
    one.threads = 1
    var two = one
    two.threads = 2
    let first = try BudgetAllocation.compute(model: model, draws: x, settings: one)
    let second = try BudgetAllocation.compute(model: model, draws: x, settings: two)
    XCTAssertEqual(first.scales, second.scales)
    XCTAssertEqual(first.optimized, second.optimized)
    XCTAssertEqual(first.json.serialized(), second.json.serialized())
    XCTAssertEqual(first.text, second.text)
  }

  func testCVaRPlanHasANoWorseLowerTailThanTheMeanPlan() throws {
    let model = try TestModels.flightedModel(seed: 6)
    let x = draws(model, count: 60, seed: 73)
    var cvar = settings(seed: 11)
    cvar.bounds = try model.inputs.socialNames.map { try ScaleBounds(parsing: "\($0)=0.2:3") }
    cvar.objective = .conditionalValueAtRisk(alpha: 0.1)
    let plan = try BudgetAllocation.compute(model: model, draws: x, settings: cvar)
    // The mean-optimal plan on the same draws and paths, as the CVaR run reports it.
    let meanNet = try XCTUnwrap(plan.meanOptimalNetRevenue)
    let tail = AllocationObjective.conditionalValueAtRisk(alpha: 0.1)
    XCTAssertGreaterThanOrEqual(
      tail.value(of: plan.optimizedNetRevenue), tail.value(of: meanNet) * (1 - 1e-9))
    XCTAssertGreaterThanOrEqual(
      Diagnostics.quantile(plan.optimizedNetRevenue, probability: 0.1),
      Diagnostics.quantile(meanNet, probability: 0.1) * (1 - 1e-9))
    XCTAssertGreaterThanOrEqual(
      AllocationObjective.mean.value(of: meanNet),
      AllocationObjective.mean.value(of: plan.optimizedNetRevenue) * (1 - 1e-9))
    XCTAssertTrue(plan.json.serialized().contains("\"mean_optimal\""))
  }

  func testAnUnknownChannelAndAnImpossibleBudgetAreErrors() throws {
    let model = try TestModels.flightedModel(seed: 3)
    var settings = settings()
    settings.bounds = [try ScaleBounds(parsing: "nope=0:1")]
    XCTAssertThrowsError(
      try BudgetAllocation.compute(
        model: model, draws: draws(model, count: 2, seed: 1), settings: settings)
    ) { XCTAssertTrue(String(describing: $0).hasPrefix("--bounds 'nope=0:1' names no")) }
    settings.bounds = []
    settings.budget = 1e12
    XCTAssertThrowsError(
      try BudgetAllocation.compute(
        model: model, draws: draws(model, count: 2, seed: 1), settings: settings)
    ) { XCTAssertTrue(String(describing: $0).hasPrefix("--budget 1000000000000 cannot")) }
  }
}
