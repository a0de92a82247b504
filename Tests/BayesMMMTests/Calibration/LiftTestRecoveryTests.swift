import XCTest

@testable import BayesMMM

/// Calibration with lift tests on simulated data (issue 16, "must show"):
/// - a flighted channel (TikTok) weakly identified by noisy data: a lift test at its true
///   effect with se = 20% of it narrows the 90% interval of the test's estimand by at least
///   30%, and the interval still covers the truth (fast suite: one dataset, short chains);
/// - `BAYES_MMM_SLOW=1`: over 20 datasets with truths from the priors and noisy tests, the
///   calibrated 90% intervals cover their true effects at 80-97%.
final class LiftTestRecoveryTests: XCTestCase {
  static let tiktok = 1

  /// A truth at the reference scales: TikTok modest (beta 0.3, on/off 1.0, amount 0.3),
  /// noise large (sigma_y 0.6), so the data alone say little about it.
  static func truth(weeks: Int, seed: UInt64, configuration: PriorsConfiguration) throws
    -> TruthFile
  {
    let inputs = SyntheticCampaign.generate(weeks: weeks, seed: seed)
      .modelInputs(scales: .reference, settings: configuration.settings)
    let model = try JointModel(inputs: inputs, configuration: configuration)
    let layout = model.layout
    var x = model.constrain([Double](repeating: 0, count: model.dimension))
    let revenue = [0.2, 0.3, 1.0, 0.2]
    let onOff = [0.5, 1.0, 1.5, 0.0]
    let amount = [0.2, 0.3, 0.5, 0.0]
    for (s, block) in layout.social.enumerated() {
      x[try XCTUnwrap(block.index(of: .decay))] = 0.4
      x[try XCTUnwrap(block.index(of: .halfSaturation))] = 0.8
      x[try XCTUnwrap(block.index(of: .shape))] = 1.5
      x[block.revenueCoefficient] = revenue[s]
      x[try XCTUnwrap(block.onOffCoefficient)] = onOff[s]
      x[try XCTUnwrap(block.amountCoefficient)] = amount[s]
    }
    let google = layout.mediator
    x[try XCTUnwrap(google.index(of: .decay))] = 0.3
    x[try XCTUnwrap(google.index(of: .halfSaturation))] = 0.7
    x[try XCTUnwrap(google.index(of: .shape))] = 1.5
    x[layout.googleEffect] = 0.5
    x[layout.amountSigma] = 0.4
    for block in layout.owned { x[block.revenueCoefficient] = 0.1 }
    x[try XCTUnwrap(layout.priceElasticity)] = -1
    x[try XCTUnwrap(layout.promoLift)] = 0.15
    x[layout.revenueSigma] = 0.6
    let parameters = zip(layout.names, x).map { (key: $0, value: JSONValue.number($1)) }
    return try TruthFile(json: .object([("parameters", .object(parameters))]), source: "test")
  }

  /// 90% interval width of the test's estimand without and with the test, the truth and
  /// the with-test interval.
  static func narrowing(
    seed: UInt64, relativeSE: Double, settings: SamplerSettings
  ) throws -> (without: Double, with: Double, truth: Double, interval: (Double, Double)) {
    let (simulated, lifts) = try simulatedWithTests(
      seed: seed, channels: [tiktok], relativeSE: relativeSE)
    var calibrated = simulated.model
    calibrated.liftTests = lifts.tests
    var fitSettings = settings
    fitSettings.seed = GSLRandom.splitMix64(seed)
    let plain = try PosteriorSample.fit(model: simulated.model, settings: fitSettings, threads: 2)
    let fitted = try PosteriorSample.fit(model: calibrated, settings: fitSettings, threads: 2)
    func interval(_ draws: [[Double]]) -> (Double, Double) {
      let effects = LiftTestEstimates(model: calibrated, draws: draws, seed: 1).full[0]
      let sorted = effects.sorted()
      return (
        Diagnostics.quantile(sorted: sorted, probability: 0.05),
        Diagnostics.quantile(sorted: sorted, probability: 0.95)
      )
    }
    let before = interval(plain.draws)
    let after = interval(fitted.draws)
    // The channel's whole-window total effect (switched off every week), for the record.
    let name = EffectColumns.name(.te, .zero, channel: tiktok)
    func channelWidth(_ posterior: PosteriorSample) throws -> (Double, Double, String) {
      let estimand = try XCTUnwrap(
        SimulatedEffects.coverageEstimands(simulated, posterior).first { $0.name == name })
      let sorted = estimand.draws.sorted()
      let lower = Diagnostics.quantile(sorted: sorted, probability: 0.05)
      let upper = Diagnostics.quantile(sorted: sorted, probability: 0.95)
      return (upper - lower, estimand.truth, "[\(lower), \(upper)]")
    }
    let channelBefore = try channelWidth(plain)
    let channelAfter = try channelWidth(fitted)
    print(
      "lift-test recovery (seed \(seed)): \(name) 90% width without \(channelBefore.0), with "
        + "\(channelAfter.0) (narrowing \(100 * (1 - channelAfter.0 / channelBefore.0))%), "
        + "truth \(channelBefore.1), interval with the test \(channelAfter.2)")
    XCTAssertGreaterThanOrEqual(1 - channelAfter.0 / channelBefore.0, 0.3, name)
    return (before.1 - before.0, after.1 - after.0, lifts.trueEffects[0], after)
  }

  /// The fixed-truth dataset of `seed` and its noise-free holdout tests of `channels`.
  static func simulatedWithTests(seed: UInt64, channels: [Int], relativeSE: Double) throws
    -> (simulated: SimulatedDataset, lifts: SimulatedLiftTests)
  {
    let configuration = try TestModels.constantElasticityPriors()
    let simulated = try SimulatedDataset.simulate(
      weeks: 104, seed: seed, configuration: configuration,
      truth: truth(weeks: 104, seed: seed, configuration: configuration))
    let lifts = try SimulatedLiftTests.design(
      for: simulated, channels: channels, relativeSE: relativeSE, noise: false, paths: 1000)
    return (simulated, lifts)
  }

  func testATestFiveStandardErrorsFromTheTruthIsFlaggedAndOneAtTheTruthIsNot() throws {
    // se: 30% of Instagram's effect (about its posterior sd without the test, so a 5-se
    // contradiction is about 3.5 sd of the predictive), 20% of TikTok's.
    let (simulated, lifts) = try Self.simulatedWithTests(
      seed: 7, channels: [Self.tiktok], relativeSE: 0.2)
    let instagram = try SimulatedLiftTests.design(
      for: simulated, channels: [2], relativeSE: 0.3, noise: false, paths: 1000)
    var model = simulated.model
    let honest = lifts.tests[0]
    let contradicted = instagram.tests[0]
    model.liftTests = [
      LiftTest(
        row: 1, line: 2, channel: contradicted.channel, channelIndex: contradicted.channelIndex,
        start: contradicted.start, end: contradicted.end, startWeek: contradicted.startWeek,
        endWeek: contradicted.endWeek, cooldownWeeks: contradicted.cooldownWeeks,
        spendChange: .off, lift: contradicted.lift + 5 * contradicted.se, se: contradicted.se),
      honest,
    ]
    var settings = SamplerSettings.validationFit
    settings.warmup = 300
    settings.draws = 300
    settings.seed = 17
    let fit = try PosteriorSample.fit(model: model, settings: settings, threads: 2)
    let plain = try PosteriorSample.fit(model: simulated.model, settings: settings, threads: 2)
    let weighted = LiftTestSummary.rows(model: model, draws: fit.draws, seed: 17)
    let compared = LiftTestSummary.rows(
      model: model, draws: fit.draws, seed: 17,
      comparison: (model: simulated.model, draws: plain.draws, directory: "plain fit"))
    for (source, rows) in [("importance weights", weighted), ("comparison fit", compared)] {
      print(
        "lift-test conflict (seed 7, \(source)): instagram +5 se p = \(rows[0].pValue) "
          + "(\(rows[0].reference)); tiktok at the truth p = \(rows[1].pValue)")
      XCTAssertTrue(rows[0].conflict, "\(source): p = \(rows[0].pValue)")
      XCTAssertFalse(rows[1].conflict, "\(source): p = \(rows[1].pValue)")
    }
  }

  func testALiftTestNarrowsAWeaklyIdentifiedChannelAndStillCoversTheTruth() throws {
    var settings = SamplerSettings.validationFit
    settings.warmup = 300
    settings.draws = 300
    let result = try Self.narrowing(seed: 7, relativeSE: 0.2, settings: settings)
    let narrowing = 1 - result.with / result.without
    print(
      "lift-test recovery (seed 7): 90% width without \(result.without), with \(result.with) "
        + "(narrowing \(100 * narrowing)%), truth \(result.truth), interval \(result.interval)")
    XCTAssertGreaterThanOrEqual(narrowing, 0.3)
    XCTAssertTrue(
      result.interval.0 <= result.truth && result.truth <= result.interval.1,
      "\(result.interval) does not cover \(result.truth)")
  }
}

/// The slow checks of calibration with lift tests (`BAYES_MMM_SLOW=1`).
final class SlowLiftTestCalibrationTests: XCTestCase {
  /// SBC of the model with two lift tests (a holdout of channel 1, +50% of channel 2),
  /// measured on each simulation from the model itself: every parameter's and lp__'s ranks
  /// pass at family-wise 1%, no fit fails.
  func testSBCWithLiftTestsIsUniformForEveryParameter() throws {
    try XCTSkipUnless(slowTestsEnabled, "set BAYES_MMM_SLOW=1")
    var settings = SBCSettings()
    settings.simulations = 100
    settings.threads = slowTestThreads
    let configuration = try TestModels.defaultPriors()
    let inputs = try SimulationBasedCalibration.designModel(
      settings: settings, configuration: configuration
    ).inputs
    let tests = [
      LiftTestTermTests.test(on: inputs, channel: 0, from: 15, cooldown: 2),
      LiftTestTermTests.test(
        on: inputs, channel: 1, from: 30, change: .multiplier(1.5), cooldown: 1, row: 2),
    ]
    let result = try SimulationBasedCalibration.run(
      settings: settings, configuration: configuration, liftTests: tests)
    print("SBC with lift tests\n" + result.text)
    XCTAssertEqual(result.failures.count, 0)
    XCTAssertTrue(result.passes, result.text)
  }

  /// Over 20 datasets at the fixed truth of `LiftTestRecoveryTests` with a noisy holdout per
  /// social channel (se 20% of the true effect), the calibrated 90% intervals of the tests'
  /// estimands cover the true effects 80-97% of the time.
  func testCalibratedIntervalsCoverTheTruthOver20Datasets() throws {
    try XCTSkipUnless(slowTestsEnabled, "set BAYES_MMM_SLOW=1")
    let results = ParallelWork.map(count: 20, threads: slowTestThreads) { k -> [Bool] in
      let seed = GSLRandom.splitMix64(2026 &+ UInt64(k))
      do {
        let configuration = try TestModels.constantElasticityPriors()
        let simulated = try SimulatedDataset.simulate(
          weeks: 104, seed: seed, configuration: configuration,
          truth: LiftTestRecoveryTests.truth(weeks: 104, seed: seed, configuration: configuration))
        let lifts = try SimulatedLiftTests.design(for: simulated, relativeSE: 0.2, paths: 1000)
        var model = simulated.model
        model.liftTests = lifts.tests
        var settings = SamplerSettings.validationFit
        settings.seed = GSLRandom.splitMix64(seed)
        let fit = try PosteriorSample.fit(model: model, settings: settings, threads: 1)
        let estimates = LiftTestEstimates(model: model, draws: fit.draws, seed: seed, threads: 1)
        return zip(estimates.full, lifts.trueEffects).map { draws, truth in
          let sorted = draws.sorted()
          return Diagnostics.quantile(sorted: sorted, probability: 0.05) <= truth
            && truth <= Diagnostics.quantile(sorted: sorted, probability: 0.95)
        }
      } catch {
        return []
      }
    }
    let checks = results.flatMap { $0 }
    let rate = Double(checks.filter { $0 }.count) / Double(max(checks.count, 1))
    print(
      "lift-test coverage: \(checks.filter { $0 }.count) of \(checks.count) calibrated 90% "
        + "intervals cover the truth (\(100 * rate)%) over \(results.filter { !$0.isEmpty }.count) "
        + "datasets")
    XCTAssertGreaterThanOrEqual(results.filter { !$0.isEmpty }.count, 20)
    XCTAssertGreaterThanOrEqual(rate, 0.80)
    XCTAssertLessThanOrEqual(rate, 0.97)
  }
}
