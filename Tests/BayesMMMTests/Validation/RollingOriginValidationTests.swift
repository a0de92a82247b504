import Foundation
import XCTest

@testable import BayesMMM

/// `validate`: origins, no look-ahead, and an end-to-end run on simulated data.
final class RollingOriginValidationTests: XCTestCase {
  func testOriginsRollForwardToTheLastWeek() throws {
    let settings = ValidationSettings()
    XCTAssertEqual(settings.origins(weeks: 104), [72, 80, 88, 96])
    XCTAssertNoThrow(try settings.validate(weeks: 104))
    XCTAssertThrowsError(try settings.validate(weeks: 50)) {
      XCTAssertTrue(String(describing: $0).hasPrefix("4 folds of 8 weeks leave 18 training"))
    }
  }

  /// A fold sees nothing of its test weeks' revenue: changing it changes neither the
  /// training inputs' scales nor a single posterior draw nor the predictive ensemble.
  func testFoldFitIgnoresFutureRevenue() throws {
    let priors = try TestModels.defaultPriors()
    let simulated = try SimulatedDataset.simulate(weeks: 48, seed: 31, configuration: priors)
    let origin = 40
    let original = simulated.dataset
    var lines = simulated.csv.split(separator: "\n").map(String.init)
    for row in (origin + 1)..<lines.count {
      var fields = lines[row].split(separator: ",").map(String.init)
      fields[fields.count - 1] = "123456.78"
      lines[row] = fields.joined(separator: ",")
    }
    let changed = try WeeklyDataset.parse(
      bytes: Array((lines.joined(separator: "\n") + "\n").utf8), source: "changed",
      roles: ColumnRoles())
    XCTAssertNotEqual(changed.outcome, original.outcome)

    var sampler = SamplerSettings()
    sampler.chains = 1
    sampler.warmup = 100
    sampler.draws = 50
    func foldForecast(_ data: WeeklyDataset) throws -> (PosteriorSample, [WeekForecast]) {
      let inputs = RollingOriginValidation.trainingInputs(
        dataset: data, settings: priors.settings, weeks: origin)
      let model = try JointModel(inputs: inputs, configuration: priors)
      let posterior = try PosteriorSample.fit(model: model, settings: sampler, threads: 1)
      let forecasts = RollingOriginValidation.predictive(
        posterior: posterior, weeks: Array(origin..<48), observed: data.outcome.map { log($0) },
        random: GSLRandom(runSeed: 1, stream: 500))
      return (posterior, forecasts)
    }
    let (before, forecastsBefore) = try foldForecast(original)
    let (after, forecastsAfter) = try foldForecast(changed)
    let expectedScale = original.outcome.prefix(origin).reduce(0, +) / Double(origin)
    XCTAssertEqual(before.model.inputs.revenueScale, expectedScale, accuracy: 1e-9 * expectedScale)
    XCTAssertEqual(before.model.inputs.revenueScale, after.model.inputs.revenueScale)
    XCTAssertEqual(before.draws, after.draws)
    XCTAssertEqual(forecastsBefore.map(\.ensemble), forecastsAfter.map(\.ensemble))
    XCTAssertNotEqual(forecastsBefore.map(\.observed), forecastsAfter.map(\.observed))
  }

  func testEndToEndRunOnSimulatedData() throws {
    let priors = try TestModels.defaultPriors()
    let simulated = try SimulatedDataset.simulate(weeks: 60, seed: 8, configuration: priors)
    var settings = ValidationSettings()
    settings.folds = 2
    settings.horizon = 4
    settings.sampler.chains = 1
    settings.sampler.warmup = 150
    settings.sampler.draws = 150
    let result = try RollingOriginValidation.run(
      dataset: simulated.dataset, configuration: priors, settings: settings)
    XCTAssertEqual(result.folds.map(\.origin), [52, 56])
    XCTAssertEqual(result.folds.map(\.testWeeks), [[52, 53, 54, 55], [56, 57, 58, 59]])
    for fold in result.folds {
      XCTAssertEqual(fold.model.count, 4)
      XCTAssertEqual(fold.model.first?.ensemble.count, 150)
      XCTAssertEqual(fold.lastValue.count, 4)
      XCTAssertEqual(fold.seasonalMean.count, 4)
      XCTAssertEqual(fold.summaries.map(\.name).first, "price_choke_margin")
      // 7 parameters, then TE, NDE, NIE of switching each of the 4 channels off.
      XCTAssertEqual(fold.summaries.count, 7 + 12)
      // Facebook is always on in simulated data: "off" is an extrapolation.
      XCTAssertEqual(
        fold.summaries.first { $0.name == "te_zero.1" }?.label, "te_zero.1 (facebook_spend) *")
      XCTAssertEqual(
        fold.summaries.first { $0.name == "te_zero.3" }?.label, "te_zero.3 (instagram_spend)")
    }
    let overall = result.overall
    XCTAssertEqual(overall.model.count, 8)
    XCTAssertTrue(overall.model.crps.isFinite)
    XCTAssertTrue((0...1).contains(overall.model.coverage90))
    XCTAssertTrue(overall.lastValue.crps.isFinite && overall.seasonalMean.crps.isFinite)
    let floorWeeks = simulated.model.inputs.censored.filter { $0 }.count
    XCTAssertEqual(result.residuals.residuals.count, 60 - floorWeeks)
    XCTAssertTrue(result.text.contains("OBSERVED"))
    let tested = result.folds.flatMap(\.model)
    XCTAssertEqual(overall.model.floorWeeks, tested.filter(\.isFloor).count)
    XCTAssertEqual(
      result.json["overall"]?["model"]?["floor_weeks"], .number(Double(overall.model.floorWeeks)))
    XCTAssertNotNil(result.json["overall"]?["last_value"]?["r_squared_non_floor"])
    XCTAssertEqual(result.json["settings"]?["google_spend_in_test_weeks"], "observed")
  }
}
