import XCTest

@testable import BayesMMM

/// `CounterfactualRevenue`, the model's one revenue-under-a-plan function, against the log
/// density's own mean, against a direct reference of the hurdle, and against the effects.
final class CounterfactualRevenueTests: XCTestCase {
  private func draw(_ model: JointModel, seed: UInt64) -> (u: [Double], x: [Double]) {
    let rng = GSLRandom(runSeed: seed)
    let u = (0..<model.dimension).map { _ in rng.uniform(-1, 1) }
    return (u, model.constrain(u))
  }

  private func densityMean(_ model: JointModel, at u: [Double]) throws -> [Double] {
    let density = try XCTUnwrap(model.makeLogDensity() as? JointModelDensity)
    return density.revenueMean(at: u)
  }

  private func models() throws -> [(String, JointModel)] {
    let delayed = try PriorsConfiguration(
      contentsOf: TestModels.packageRoot.appendingPathComponent("priors/delayed-adstock.json").path)
    let dataset = try WeeklyDataset.load(path: TestModels.bundledDataPath)
    return [
      ("flighted", try TestModels.flightedModel(seed: 7, controls: 1)),
      ("bundled", try TestModels.realDataModel()),
      (
        "bundled, delayed adstock",
        try PreparedModel(dataset: dataset, configuration: delayed).model
      ),
    ]
  }

  func testTheObservedPlanAndGooglePathGiveTheDensitysOwnMean() throws {
    for (name, model) in try models() {
      let (u, x) = draw(model, seed: 41)
      let state = ForwardModel(model: model).state(parameters: x)
      let mean = CounterfactualRevenue(model: model).logRevenueMean(
        state: state, plan: .observed(model.inputs), googleSpend: model.inputs.mediatorSpend)
      let expected = try densityMean(model, at: u)
      for t in expected.indices {
        XCTAssertEqual(
          mean[t], expected[t], accuracy: 1e-12 * max(1, abs(expected[t])), "\(name) week \(t)")
      }
    }
  }

  /// Another Google path: the density on inputs carrying that path centres Google's signal
  /// by the new path's mean, the counterfactual keeps the observed centring, so the two
  /// differ by exactly beta_google x (mean H(new) - mean H(observed)) in every week.
  func testAnotherGooglePathMatchesTheDensityUpToItsCentringConstant() throws {
    for (name, model) in try models() {
      let (u, x) = draw(model, seed: 42)
      let inputs = model.inputs
      let path = inputs.mediatorSpend.enumerated().map { t, m in t % 3 == 0 ? 0 : m * 1.4 + 0.2 }
      let moved = model.replacingInputs(
        inputs.replacingOutcomes(
          mediatorScaled: path, logRevenue: inputs.logRevenue, censored: inputs.censored))
      let state = ForwardModel(model: model).state(parameters: x)
      let mean = CounterfactualRevenue(model: model).logRevenueMean(
        state: state, plan: .observed(inputs), googleSpend: path)
      let density = try densityMean(moved, at: u)
      let newSignal = state.mediatorTransform.signal(path)
      func average(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
      let constant =
        state.mediatorCoefficient * (average(newSignal) - average(state.mediatorSignal))
      for t in density.indices {
        XCTAssertEqual(mean[t] - density[t], constant, accuracy: 1e-11, "\(name) week \(t)")
      }
    }
  }

  func testPriceAndOwnedPlansMoveRevenueByTheirCoefficients() throws {
    let model = try TestModels.realDataModel()
    let (_, x) = draw(model, seed: 43)
    let inputs = model.inputs
    let state = ForwardModel(model: model).state(parameters: x)
    let counterfactual = CounterfactualRevenue(model: model)
    var plan = SpendPlan.observed(inputs)
    plan.logPrice = inputs.logPrice?.map { $0 + log(1.1) }
    plan.owned[0] = plan.owned[0].map { 2 * $0 }
    let outcome = counterfactual.outcome(
      state: state, plan: plan, google: .given(inputs.mediatorSpend))
    // The price term moves each week by g(x_t + log 1.1) - g(x_t) (linear demand here).
    let response = try XCTUnwrap(model.layout.priceResponse)
    let theta = model.layout.priceTheta(x)
    let logPrice = try XCTUnwrap(inputs.logPrice)
    let owned = model.layout.owned.first!
    let doubled = owned.preparedTransform(x).signal(plan.owned[0])
    for t in 0..<inputs.weeks {
      let priceShift =
        response.logRevenue(at: logPrice[t] + log(1.1), theta)
        - response.logRevenue(at: logPrice[t], theta)
      let expected =
        counterfactual.observedRevenue[t]
        * exp(
          priceShift + x[owned.revenueCoefficient]
            * (doubled[t] - state.ownedSignals[0][t]))
      XCTAssertEqual(outcome.revenue[t], expected, accuracy: 1e-12 * expected)
      XCTAssertEqual(outcome.googleSpend[t], inputs.mediatorSpend[t] * inputs.mediatorScale)
    }
  }

  func testSimulatedGoogleMatchesADirectReferenceOfTheHurdle() throws {
    for (name, model) in try models() {
      let (_, x) = draw(model, seed: 44)
      let inputs = model.inputs
      let state = ForwardModel(model: model).state(parameters: x)
      var numbers = MediatorRandomNumbers(paths: 4, weeks: inputs.weeks)
      numbers.draw(from: GSLRandom(runSeed: 45))
      let plan = SpendPlan.observed(inputs).replacingSocial(
        1, with: inputs.socialSpend[1].map { 0.3 * $0 })
      let counterfactual = CounterfactualRevenue(model: model)
      let outcome = counterfactual.outcome(state: state, plan: plan, google: .simulated(numbers))
      var signals = state.socialSignals
      signals[1] = state.socialTransforms[1].signal(plan.social[1])
      var revenue = [Double](repeating: 0, count: inputs.weeks)
      var google = revenue
      for r in 0..<numbers.paths {
        let path = ReferenceHurdle.path(
          state: state, socialSignals: signals, uniforms: numbers.uniforms(path: r),
          normals: numbers.normals(path: r))
        let mean = counterfactual.logRevenueMean(state: state, plan: plan, googleSpend: path)
        let observed = state.observedRevenuePredictor
        for t in 0..<inputs.weeks {
          revenue[t] += counterfactual.observedRevenue[t] * exp(mean[t] - observed[t]) / 4
          google[t] += path[t] * inputs.mediatorScale / 4
        }
      }
      for t in 0..<inputs.weeks {
        XCTAssertEqual(outcome.revenue[t], revenue[t], accuracy: 1e-10 * revenue[t], "\(name) \(t)")
        XCTAssertEqual(
          outcome.googleSpend[t], google[t], accuracy: 1e-10 * max(1, google[t]), "\(name) \(t)")
      }
    }
  }

  /// The effects are the counterfactual function for many plans at once: the same random
  /// numbers give the same arms.
  func testTheEffectsArmsAreCounterfactualRevenueOfTheirPlans() throws {
    for (name, model) in try models() {
      let (_, x) = draw(model, seed: 46)
      let inputs = model.inputs
      var numbers = MediatorRandomNumbers(paths: 3, weeks: inputs.weeks)
      numbers.draw(from: GSLRandom(runSeed: 47))
      let effects = EffectCalculator(model: model).effects(parameters: x, randomNumbers: numbers)
      let state = ForwardModel(model: model).state(parameters: x)
      let counterfactual = CounterfactualRevenue(model: model)
      let observed = SpendPlan.observed(inputs)
      let zeros = [Double](repeating: 0, count: inputs.weeks)
      func total(_ plan: SpendPlan, mediator: SpendPlan? = nil) -> Double {
        counterfactual.outcome(
          state: state, plan: plan, google: .simulated(numbers), mediatorPlan: mediator
        )
        .totalRevenue
      }
      let factual = total(observed)
      for s in inputs.socialNames.indices {
        let off = observed.replacingSocial(s, with: zeros)
        let mediation = effects.mediation(.zero, channel: s)
        let totalEffect = factual - total(off)
        let indirect = factual - total(observed, mediator: off)
        XCTAssertEqual(
          mediation.totalEffect, totalEffect, accuracy: 1e-9 * max(1, abs(factual)), "\(name) \(s)")
        XCTAssertEqual(
          mediation.naturalIndirectEffect, indirect, accuracy: 1e-9 * max(1, abs(factual)),
          "\(name) \(s)")
      }
    }
  }

  func testTheSamePlanAndNumbersGiveTheSameOutcome() throws {
    let model = try TestModels.flightedModel(seed: 9)
    let (_, x) = draw(model, seed: 48)
    let state = ForwardModel(model: model).state(parameters: x)
    var numbers = MediatorRandomNumbers(paths: 2, weeks: model.inputs.weeks)
    numbers.draw(from: GSLRandom(runSeed: 31))
    let counterfactual = CounterfactualRevenue(model: model)
    let plan = SpendPlan.observed(model.inputs)
    let a = counterfactual.outcome(state: state, plan: plan, google: .simulated(numbers))
    let b = counterfactual.outcome(state: state, plan: plan, google: .simulated(numbers))
    XCTAssertEqual(a, b)
    XCTAssertTrue(a.googleSpend.contains { $0 > 0 })
  }
}
