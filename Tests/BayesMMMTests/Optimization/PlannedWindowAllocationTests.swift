import XCTest

@testable import BayesMMM

/// Allocation over a plan's future weeks: inputs whose last weeks follow the fit
/// (`fitWeeks < T`, as `ModelInputs(dataset:plan:settings:)` builds them).
final class PlannedWindowAllocationTests: XCTestCase {
  private let weeks = 80
  private let fitWeeks = 68

  private func model() throws -> JointModel {
    try JointModel(
      inputs: SyntheticInputs.flighted(weeks: weeks, seed: 12, fitWeeks: fitWeeks),
      configuration: TestModels.constantElasticityPriors())
  }

  private func draws(_ model: JointModel, count: Int) -> [[Double]] {
    let rng = GSLRandom(runSeed: 31)
    return (0..<count).map { _ in
      model.constrain((0..<model.dimension).map { _ in rng.uniform(-1, 1) })
    }
  }

  func testTheWindowIsThePlannedWeeksAndOnlyTheirSpendIsScaled() throws {
    let model = try model()
    let sample = AllocationDraws(
      model: model, draws: draws(model, count: 3), streams: [0, 1, 2], paths: 2, seed: 4,
      threads: 1)
    XCTAssertEqual(sample.window, fitWeeks..<weeks)
    let observed = SpendPlan.observed(model.inputs)
    let plan = sample.plan(scales: [2, 0.5, 1])
    for t in 0..<weeks {
      let planned = t >= fitWeeks
      XCTAssertEqual(plan.social[0][t], observed.social[0][t] * (planned ? 2 : 1))
      XCTAssertEqual(plan.social[1][t], observed.social[1][t] * (planned ? 0.5 : 1))
      XCTAssertEqual(plan.social[2][t], observed.social[2][t])
    }

    var settings = BudgetAllocation.Settings(seed: 5)
    settings.paths = 2
    let allocation = try BudgetAllocation.compute(
      model: model, draws: draws(model, count: 12), settings: settings)
    XCTAssertTrue(allocation.isPlanned)
    let plannedSpend = model.inputs.socialSpendCurrency.map { $0[fitWeeks...].reduce(0, +) }
    for s in 0..<3 {
      XCTAssertEqual(allocation.constraint.observedSpend[s], plannedSpend[s], accuracy: 1e-9)
    }
    XCTAssertEqual(
      allocation.constraint.budget, plannedSpend.reduce(0, +),
      accuracy: 1e-9 * plannedSpend.reduce(0, +))
    // A warning counts at least one week: scaling up need not pass the data's largest week.
    XCTAssertFalse(
      allocation.warnings.contains { $0.contains(" 0 planned weeks") }, "\(allocation.warnings)")
  }

  func testThePastKeepsItsGoogleSpendAndPlannedWeeksStartFromTheMedian() throws {
    let model = try model()
    let counterfactual = CounterfactualRevenue(model: model, planStart: fitWeeks)
    let state = ForwardModel(model: model).state(parameters: draws(model, count: 1)[0])
    var numbers = MediatorRandomNumbers(paths: 3, weeks: weeks)
    numbers.draw(from: GSLRandom(runSeed: 8))
    let outcome = counterfactual.outcome(
      state: state, plan: .observed(model.inputs), google: .simulated(numbers))
    let scale = model.inputs.mediatorScale
    for t in 0..<fitWeeks {
      XCTAssertEqual(
        outcome.googleSpend[t], model.inputs.mediatorSpend[t] * scale,
        accuracy: 1e-9 * max(1, model.inputs.mediatorSpend[t] * scale))
    }
    // Planned weeks' baseline: revenueScale exp(mu_y,t), the median revenue.
    let baseline = counterfactual.baselineRevenue(state: state)
    let mu = state.observedRevenuePredictor
    for t in fitWeeks..<weeks {
      XCTAssertEqual(
        baseline[t], model.inputs.revenueScale * exp(mu[t]), accuracy: 1e-9 * baseline[t])
    }
    // Without a plan start the same inputs keep their (placeholder) revenue as observed.
    let unplanned = CounterfactualRevenue(model: model).baselineRevenue(state: state)
    XCTAssertEqual(Array(unplanned[fitWeeks...]), Array(model.inputs.revenueCurrency[fitWeeks...]))
  }
}
