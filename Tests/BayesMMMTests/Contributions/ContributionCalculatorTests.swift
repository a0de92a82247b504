import XCTest

@testable import BayesMMM

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `ContributionCalculator` at fixed draws: exact zeros, the effects' window totals, the
/// price's closed form and determinism for a seed.
final class ContributionCalculatorTests: XCTestCase {
  private func setUp(seed: UInt64 = 3, paths: Int = 5) throws -> (
    model: JointModel, x: [Double], numbers: MediatorRandomNumbers
  ) {
    let model = try TestModels.flightedModel(seed: seed, controls: 1)
    let x = EffectCalculatorTests.truth(model: model, seed: 100 + seed)
    let (uniforms, normals) = EffectCalculatorTests.randomNumbers(
      seed: 200 + seed, paths: paths, weeks: model.inputs.weeks)
    return (model, x, MediatorRandomNumbers(uniforms: uniforms, normals: normals))
  }

  private func series(
    _ draw: ContributionCalculator.DrawContributions, _ calculator: ContributionCalculator,
    _ kind: ContributionPart.Kind, channel: Int = 0
  ) throws -> [Double] {
    let index = try XCTUnwrap(
      calculator.parts.firstIndex { $0.kind == kind && $0.channel == channel })
    return draw.parts[index]
  }

  func testAChannelWithZeroCoefficientsContributesExactlyZero() throws {
    let (model, base, numbers) = try setUp()
    let layout = model.layout
    var x = base
    x[layout.onoffSocial.lowerBound + 1] = 0
    x[layout.amountSocial.lowerBound + 1] = 0
    x[layout.socialEffect.lowerBound + 1] = 0
    x[layout.owned.first!.revenueCoefficient] = 0
    let calculator = ContributionCalculator(model: model)
    let draw = calculator.contributions(parameters: x, randomNumbers: numbers)
    for kind: ContributionPart.Kind in [.socialTotal, .socialDirect, .socialIndirect] {
      XCTAssertEqual(
        try series(draw, calculator, kind, channel: 1),
        Array(repeating: 0, count: model.inputs.weeks), "\(kind)")
    }
    XCTAssertEqual(
      try series(draw, calculator, .owned), Array(repeating: 0, count: model.inputs.weeks))
    // The other channels do contribute.
    XCTAssertNotEqual(try series(draw, calculator, .socialTotal, channel: 0).reduce(0, +), 0)
  }

  func testSocialPartsSumOverTheWeeksToTheEffectsOfTheZeroContrast() throws {
    for seed: UInt64 in [1, 2, 3] {
      let (model, x, numbers) = try setUp(seed: seed)
      let calculator = ContributionCalculator(model: model)
      let draw = calculator.contributions(parameters: x, randomNumbers: numbers)
      let effects = EffectCalculator(model: model).effects(parameters: x, randomNumbers: numbers)
      for s in model.inputs.socialNames.indices {
        let expected = effects.mediation(.zero, channel: s)
        let pairs: [(ContributionPart.Kind, Double)] = [
          (.socialTotal, expected.totalEffect), (.socialDirect, expected.naturalDirectEffect),
          (.socialIndirect, expected.naturalIndirectEffect),
        ]
        for (kind, effect) in pairs {
          let total = try series(draw, calculator, kind, channel: s).reduce(0, +)
          XCTAssertEqual(
            total, effect, accuracy: 1e-9 * max(1, abs(effect)), "seed \(seed) channel \(s) \(kind)"
          )
        }
      }
    }
  }

  func testPriceContributionIsTheClosedFormOfThePriceResponse() throws {
    let (model, x, numbers) = try setUp()
    let calculator = ContributionCalculator(model: model)
    let draw = calculator.contributions(parameters: x, randomNumbers: numbers)
    let price = try XCTUnwrap(model.layout.priceResponse)
    let logPrice = try XCTUnwrap(model.inputs.logPrice)
    let theta = model.layout.priceTheta(x)
    let atMedian = price.logRevenue(at: 0, theta)
    let observed = model.inputs.revenueCurrency
    let contribution = try series(draw, calculator, .price)
    for t in logPrice.indices {
      let expected =
        observed[t] * (1 - exp(atMedian - price.logRevenue(at: logPrice[t], theta)))
      XCTAssertEqual(
        contribution[t], expected, accuracy: 1e-9 * max(1, abs(observed[t])), "week \(t)")
    }
  }

  func testTheInteractionIsObservedMinusBaselineMinusTheRemovals() throws {
    let (model, x, numbers) = try setUp()
    let calculator = ContributionCalculator(model: model)
    let draw = calculator.contributions(parameters: x, randomNumbers: numbers)
    let observed = model.inputs.revenueCurrency
    for t in observed.indices {
      var removals = 0.0
      var splits = 0.0
      for (part, values) in zip(calculator.parts, draw.parts) {
        if part.isRemoval { removals += values[t] } else { splits += values[t] }
      }
      let totals = zip(calculator.parts, draw.parts).filter { $0.0.kind == .socialTotal }
        .reduce(0) { $0 + $1.1[t] }
      XCTAssertEqual(splits, totals, accuracy: 1e-9 * observed[t], "direct + indirect = total")
      XCTAssertEqual(
        draw.interaction[t], observed[t] - draw.baseline[t] - removals,
        accuracy: 1e-9 * observed[t])
      XCTAssertGreaterThan(draw.baseline[t], 0)
    }
  }

  func testTheSameSeedGivesTheSameContributions() throws {
    let (model, x, _) = try setUp()
    let draws = [x, EffectCalculatorTests.truth(model: model, seed: 7)]
    func compute(_ seed: UInt64) -> Contributions {
      Contributions.compute(
        model: model, parameterDraws: draws, paths: 3,
        random: GSLRandom(runSeed: seed, stream: RandomStreams.contributions.stream(0)))
    }
    let first = compute(11)
    XCTAssertEqual(first.partDraws, compute(11).partDraws)
    XCTAssertEqual(first.interactionDraws, compute(11).interactionDraws)
    XCTAssertNotEqual(first.partDraws, compute(12).partDraws)
    XCTAssertEqual(first.partDraws[0][0].count, 2)
  }
}
