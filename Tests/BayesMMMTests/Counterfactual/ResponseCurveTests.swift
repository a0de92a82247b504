import XCTest

@testable import BayesMMM

/// Response curves: revenue against a social channel's spend multiplier, from
/// `CounterfactualRevenue` per draw.
final class ResponseCurveTests: XCTestCase {
  private func draws(_ model: JointModel, count: Int, seed: UInt64) -> [[Double]] {
    let rng = GSLRandom(runSeed: seed)
    return (0..<count).map { _ in
      model.constrain((0..<model.dimension).map { _ in rng.uniform(-1, 1) })
    }
  }

  func testOneDrawsCurveIsCounterfactualRevenueAtEachMultiplier() throws {
    let model = try TestModels.flightedModel(seed: 3)
    let x = draws(model, count: 1, seed: 50)
    let curves = ResponseCurve.compute(
      model: model, parameterDraws: x, random: GSLRandom(runSeed: 51), paths: 3,
      multipliers: [0, 1, 2])
    XCTAssertEqual(curves.map(\.channel), model.inputs.socialNames)
    // The same stream, read as compute reads it: per channel, then per draw.
    let random = GSLRandom(runSeed: 51)
    let state = ForwardModel(model: model).state(parameters: x[0])
    let counterfactual = CounterfactualRevenue(model: model)
    for (s, curve) in curves.enumerated() {
      var numbers = MediatorRandomNumbers(paths: 3, weeks: model.inputs.weeks)
      numbers.draw(from: random)
      for (k, m) in [0.0, 1, 2].enumerated() {
        let plan = SpendPlan.observed(model.inputs)
          .replacingSocial(s, with: model.inputs.socialSpend[s].map { $0 * m })
        let expected = counterfactual.outcome(state: state, plan: plan, google: .simulated(numbers))
          .totalRevenue
        XCTAssertEqual(curve.median[k], expected, accuracy: 1e-9 * expected)
        XCTAssertEqual(curve.lower90[k], expected, accuracy: 1e-9 * expected)
      }
      let spend = model.inputs.socialSpendCurrency[s].reduce(0, +)
      XCTAssertEqual(curve.spend, [0, spend, 2 * spend])
    }
  }

  func testAChannelWithoutCoefficientsHasAFlatCurveAndBreaksEvenAtOnce() throws {
    let model = try TestModels.flightedModel(seed: 4)
    let block = model.layout.social[0]
    let x = draws(model, count: 5, seed: 52).map { draw -> [Double] in
      var x = draw
      for index in [block.revenueCoefficient, block.onOffCoefficient!, block.amountCoefficient!] {
        x[index] = 0
      }
      return x
    }
    let curve = ResponseCurve.compute(
      model: model, parameterDraws: x, random: GSLRandom(runSeed: 53))[0]
    XCTAssertEqual(curve.multipliers.count, 21)
    XCTAssertTrue(curve.median.allSatisfy { $0 == curve.median[0] })
    XCTAssertTrue(curve.marginalROI.allSatisfy { $0 == 0 })
    XCTAssertEqual(try XCTUnwrap(curve.breakEvenMultiplier), 0.05, accuracy: 1e-12)
  }

  func testMoreSpendOfAPositiveChannelNeverLowersTheMedianRevenue() throws {
    let model = try TestModels.flightedModel(seed: 5)
    let block = model.layout.social[1]
    let x = draws(model, count: 20, seed: 54).map { draw -> [Double] in
      var x = draw
      x[block.revenueCoefficient] = 0.8
      x[block.onOffCoefficient!] = 0
      x[block.amountCoefficient!] = 0
      return x
    }
    let curve = ResponseCurve.compute(
      model: model, parameterDraws: x, random: GSLRandom(runSeed: 55))[1]
    for k in 1..<curve.median.count {
      XCTAssertGreaterThanOrEqual(curve.median[k], curve.median[k - 1])
    }
  }
}
