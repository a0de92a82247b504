import XCTest

@testable import BayesMMM

/// `EffectCalculator` at fixed parameters against the brute-force computation of
/// `BruteForceEffects`, with the same uniforms and normals: the two agree to rounding
/// (1e-9 relative), since with common random numbers nothing but arithmetic differs.
final class EffectCalculatorTests: XCTestCase {
  /// A truth with every effect switched on: parameters drawn around the priors' centre, then
  /// sizeable social, Google, price and promotion coefficients.
  static func truth(model: JointModel, seed: UInt64) -> [Double] {
    let rng = GSLRandom(runSeed: seed)
    var x = model.constrain((0..<model.dimension).map { _ in rng.uniform(-1, 1) })
    let layout = model.layout
    for s in layout.socialChannels.indices {
      x[layout.onoffSocial.lowerBound + s] = [1.2, -0.8, 1.6][s % 3]
      x[layout.amountSocial.lowerBound + s] = [0.6, 0.4, -0.5][s % 3]
      x[layout.socialEffect.lowerBound + s] = [0.5, 0.3, -0.25][s % 3]
    }
    x[layout.googleEffect] = 0.7
    x[layout.amountSigma] = 0.5
    if let elasticity = layout.priceElasticity { x[elasticity] = -1.3 }
    x[layout.promoLift!] = 0.2
    return x
  }

  /// The documented drawing order: per path, T uniforms then T normals.
  static func randomNumbers(seed: UInt64, paths: Int, weeks: Int) -> ([[Double]], [[Double]]) {
    let rng = GSLRandom(runSeed: seed)
    var uniforms: [[Double]] = []
    var normals: [[Double]] = []
    for _ in 0..<paths {
      uniforms.append((0..<weeks).map { _ in rng.uniform() })
      normals.append((0..<weeks).map { _ in rng.standardNormal() })
    }
    return (uniforms, normals)
  }

  func testMediatorRandomNumbersFollowTheDocumentedOrder() {
    let (uniforms, normals) = Self.randomNumbers(seed: 5, paths: 3, weeks: 11)
    var numbers = MediatorRandomNumbers(paths: 3, weeks: 11)
    numbers.draw(from: GSLRandom(runSeed: 5))
    XCTAssertEqual(numbers, MediatorRandomNumbers(uniforms: uniforms, normals: normals))
    XCTAssertEqual(numbers.uniforms(path: 2), uniforms[2])
    XCTAssertEqual(numbers.normals(path: 1), normals[1])
  }

  func testEffectsMatchBruteForceAtFixedParameters() throws {
    for seed: UInt64 in [1, 2, 3] {
      let model = try JointModel(
        inputs: SyntheticInputs.flighted(seed: seed, controls: Int(seed % 2)),
        configuration: TestModels.constantElasticityPriors())
      let x = Self.truth(model: model, seed: 100 + seed)
      let paths = 7
      let (uniforms, normals) = Self.randomNumbers(
        seed: 200 + seed, paths: paths, weeks: model.inputs.weeks)
      let effects = EffectCalculator(model: model).effects(
        parameters: x,
        randomNumbers: MediatorRandomNumbers(uniforms: uniforms, normals: normals))
      let expected = BruteForceEffects.effects(
        model: model, parameters: x, uniforms: uniforms, normals: normals)
      let names = EffectColumns.names(socialCount: model.inputs.socialNames.count)
      let row = effects.row
      XCTAssertEqual(row.count, names.count)
      for (name, value) in zip(names, row) {
        let reference = try XCTUnwrap(expected[name], name)
        XCTAssertTrue(reference.isFinite && reference != 0, "\(name) = \(reference)")
        XCTAssertLessThanOrEqual(
          abs(value - reference), 1e-9 * abs(reference),
          "seed \(seed) \(name): \(value) vs brute force \(reference)")
      }
    }
  }

  /// Where the model's median lies below the floor, a floor week starts from the median in
  /// every effect and what-if (Google's own effect and the promotion's revenue included), as
  /// the brute force computes them.
  func testFloorWeeksStartFromTheModelsMedianInEveryEffect() throws {
    let model = try TestModels.flightedModel(seed: 2)
    var x = Self.truth(model: model, seed: 102)
    x[model.layout.revenueIntercept] -= 30
    let state = ForwardModel(model: model).state(parameters: x)
    let baseline = CounterfactualRevenue(model: model).baselineRevenue(state: state)
    let observed = model.inputs.revenueCurrency
    XCTAssertTrue(
      model.inputs.censored.indices.contains {
        model.inputs.censored[$0] && baseline[$0] < observed[$0]
      },
      "some floor week's median lies below the floor")
    let (uniforms, normals) = Self.randomNumbers(seed: 302, paths: 5, weeks: model.inputs.weeks)
    let effects = EffectCalculator(model: model).effects(
      parameters: x, randomNumbers: MediatorRandomNumbers(uniforms: uniforms, normals: normals))
    let expected = BruteForceEffects.effects(
      model: model, parameters: x, uniforms: uniforms, normals: normals)
    let names = EffectColumns.names(socialCount: model.inputs.socialNames.count)
    for (name, value) in zip(names, effects.row)
    where name.hasPrefix("google") || name.hasPrefix("promo") {
      let reference = try XCTUnwrap(expected[name], name)
      XCTAssertEqual(value, reference, accuracy: 1e-9 * abs(reference), name)
    }
  }

  /// The induced Google spend is the mean path total of `ReferenceHurdle.path` in the
  /// two arms, from the same random numbers.
  func testInducedGoogleSpendAgreesWithForwardModelSimulation() throws {
    let model = try TestModels.flightedModel(seed: 4)
    let x = Self.truth(model: model, seed: 104)
    let weeks = model.inputs.weeks
    var numbers = MediatorRandomNumbers(paths: 5, weeks: weeks)
    numbers.draw(from: GSLRandom(runSeed: 204))
    let effects = EffectCalculator(model: model).effects(parameters: x, randomNumbers: numbers)
    let forward = ForwardModel(model: model)
    let state = forward.state(parameters: x)
    for s in 0..<model.inputs.socialNames.count {
      var off = state.socialSignals
      off[s] = [Double](repeating: 0, count: weeks)
      var total = 0.0
      for r in 0..<numbers.paths {
        let (u, z) = (numbers.uniforms(path: r), numbers.normals(path: r))
        total += ReferenceHurdle.path(
          state: state, socialSignals: state.socialSignals, uniforms: u, normals: z
        ).reduce(0, +)
        total -= ReferenceHurdle.path(state: state, socialSignals: off, uniforms: u, normals: z)
          .reduce(0, +)
      }
      let expected = total / Double(numbers.paths) * model.inputs.mediatorScale
      let induced = effects.mediation(.zero, channel: s).inducedGoogleSpend
      XCTAssertEqual(induced, expected, accuracy: 1e-9 * abs(expected), "channel \(s + 1)")
    }
  }

  /// With identical arms (a channel whose three coefficients are 0) every effect is exactly
  /// 0: common random numbers leave no simulation noise in a difference.
  func testChannelWithoutCoefficientsHasExactlyZeroEffects() throws {
    let model = try TestModels.flightedModel(seed: 5)
    var x = Self.truth(model: model, seed: 105)
    let layout = model.layout
    x[layout.onoffSocial.lowerBound] = 0
    x[layout.amountSocial.lowerBound] = 0
    x[layout.socialEffect.lowerBound] = 0
    var numbers = MediatorRandomNumbers(paths: 4, weeks: model.inputs.weeks)
    numbers.draw(from: GSLRandom(runSeed: 205))
    let effects = EffectCalculator(model: model).effects(parameters: x, randomNumbers: numbers)
    for contrast in EffectContrast.allCases {
      let null = effects.mediation(contrast, channel: 0)
      XCTAssertEqual(null.totalEffect, 0)
      XCTAssertEqual(null.inducedGoogleSpend, 0)
      XCTAssertTrue(null.shareMediated.isNaN)
      XCTAssertNotEqual(effects.mediation(contrast, channel: 1).totalEffect, 0)
    }
  }
}
