import XCTest

@testable import BayesMMM

/// `LiftTestTerm` inside the joint density: its value against an independent evaluation of
/// the mean-path effect through `CounterfactualRevenue`, and its gradient against finite
/// differences (geometric and delayed adstock, holdouts and increases, cooldowns).
final class LiftTestTermTests: XCTestCase {
  /// A test of social channel `channel` over the first 4 weeks from `from` with spend in
  /// the first of them, measured at `liftShare` of the observed revenue of its weeks.
  static func test(
    on inputs: ModelInputs, channel: Int, from: Int = 10, change: LiftTest.SpendChange = .off,
    cooldown: Int = 2, liftShare: Double = 0.2, row: Int = 1
  ) -> LiftTest {
    let start = (from..<inputs.fitWeeks).first { inputs.socialSpend[channel][$0] > 0 } ?? from
    let end = min(start + 3, inputs.fitWeeks - 1 - cooldown)
    let revenue = inputs.revenueCurrency[start...(end + cooldown)].reduce(0, +)
    return LiftTest(
      row: row, line: row + 1, channel: inputs.socialNames[channel], channelIndex: channel,
      start: "", end: "", startWeek: start, endWeek: end, cooldownWeeks: cooldown,
      spendChange: change, lift: liftShare * revenue, se: 0.05 * revenue)
  }

  static func withTests(_ model: JointModel, _ tests: [LiftTest]) -> JointModel {
    var copy = model
    copy.liftTests = tests
    return copy
  }

  /// V of the mean-path approximation, written from its definition with the model's
  /// forward pieces (`ForwardModel`, `CounterfactualRevenue.logRevenueMean`).
  static func naiveEffect(model: JointModel, test: LiftTest, parameters x: [Double]) -> Double {
    let inputs = model.inputs
    let state = ForwardModel(model: model).state(parameters: x)
    let s = test.channelIndex
    let testSpend = test.testSpend(observed: inputs.socialSpend[s])
    let h = state.socialTransforms[s].signal(inputs.socialSpend[s])
    let hTest = state.socialTransforms[s].signal(testSpend)
    let eta = state.onOffPredictor(socialSignals: state.socialSignals)
    let block = model.layout.social[s]
    let c = x[block.onOffCoefficient ?? 0]
    let g = x[block.amountCoefficient ?? 0]
    let google = inputs.mediatorSpend.indices.map { t -> Double in
      let move = hTest[t] - h[t]
      let ratio =
        HillSaturation.logistic(eta[t] + c * move) / HillSaturation.logistic(eta[t])
      return inputs.mediatorSpend[t] * exp(g * move) * ratio
    }
    let plan = SpendPlan.observed(inputs).replacingSocial(s, with: testSpend)
    let counterfactual = CounterfactualRevenue(model: model)
    let mu = counterfactual.logRevenueMean(state: state, plan: plan, googleSpend: google)
    let observed = state.observedRevenuePredictor
    let revenue = inputs.revenueCurrency
    let change = test.weeks.reduce(0.0) { $0 + revenue[$1] * (exp(mu[$1] - observed[$1]) - 1) }
    return test.direction * change
  }

  private func randomPoints(_ count: Int, dimension: Int, seed: UInt64) -> [[Double]] {
    let rng = GSLRandom(runSeed: seed)
    return (0..<count).map { _ in (0..<dimension).map { _ in rng.uniform(-1.5, 1.5) } }
  }

  func testTermIsTheNormalLogDensityOfTheMeanPathEffect() throws {
    let base = try TestModels.flightedModel(seed: 4)
    let tests = [
      Self.test(on: base.inputs, channel: 0),
      Self.test(on: base.inputs, channel: 1, from: 30, change: .multiplier(1.5), cooldown: 3),
    ]
    let model = Self.withTests(base, tests)
    let with = model.makeLogDensity()
    let without = base.makeLogDensity()
    for point in randomPoints(10, dimension: model.dimension, seed: 21) {
      let x = model.constrain(point)
      let expected = tests.reduce(0.0) { total, test in
        let effect = Self.naiveEffect(model: model, test: test, parameters: x)
        let z = (test.lift - effect) / test.se
        return total - 0.5 * z * z - log(test.se) - 0.5 * log(2 * Double.pi)
      }
      let difference =
        FiniteDifferences.evaluate(with, at: point).0
        - FiniteDifferences.evaluate(without, at: point).0
      XCTAssertEqual(difference, expected, accuracy: 1e-8 * max(1, abs(expected)))
    }
  }

  func testGradientIncludesTheLiftTermsExactly() throws {
    let base = try TestModels.flightedModel(seed: 4, controls: 1)
    let model = Self.withTests(
      base,
      [
        Self.test(on: base.inputs, channel: 0, liftShare: 0.5),
        Self.test(on: base.inputs, channel: 2, from: 40, change: .multiplier(1.3), cooldown: 0),
        Self.test(on: base.inputs, channel: 0, from: 50, change: .multiplier(0.5), cooldown: 4),
      ])
    assertGradientMatchesFiniteDifferences(model, points: 15, seed: 22)
  }

  func testGradientIsExactUnderDelayedAdstock() throws {
    let configuration = try PriorsConfiguration(
      contentsOf: TestModels.packageRoot.appendingPathComponent("priors/delayed-adstock.json").path)
    let base = try TestModels.flightedModel(seed: 5, configuration: configuration)
    let model = Self.withTests(
      base,
      [
        Self.test(on: base.inputs, channel: 1, liftShare: 0.3),
        Self.test(on: base.inputs, channel: 2, from: 30, change: .multiplier(2), cooldown: 5),
      ])
    assertGradientMatchesFiniteDifferences(model, points: 10, seed: 23)
  }
}
