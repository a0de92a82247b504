import Foundation
import XCTest

@testable import BayesMMM

/// The check's bookkeeping (bands, quantile statistics, zero share), its flags and its
/// outputs.
final class PriorPredictiveCheckTests: XCTestCase {
  func testBandsCountObservedWeeksInsideWithEndsIncluded() {
    // 101 draws of 3 weeks: draw k has value k in every week, so the 2.5-97.5% band is
    // [2.5, 97.5] and the 25-75% band [25, 75].
    let simulated = (0...100).map { k in [Double](repeating: Double(k), count: 3) }
    let series = PriorPredictiveCheck.SeriesCheck(
      name: "x", observed: [25, 97.5, 98], simulated: simulated)
    XCTAssertEqual(series.band95[0].lower, 2.5)
    XCTAssertEqual(series.band95[0].upper, 97.5)
    XCTAssertEqual(series.shareIn50, 1.0 / 3.0)
    XCTAssertEqual(series.shareIn95, 2.0 / 3.0)
    XCTAssertEqual(series.weeksAbove95, [2])
    XCTAssertEqual(series.weeksBelow95, [])
    // Every draw's series is constant, so its median is k; the observed median is 97.5.
    let median = series.quantiles[2]
    XCTAssertEqual(median.level, 0.5)
    XCTAssertEqual(median.observed, 97.5)
    XCTAssertEqual(median.simulatedLower, 5)
    XCTAssertEqual(median.simulatedMedian, 50)
    XCTAssertEqual(median.simulatedUpper, 95)
    XCTAssertFalse(median.isInsideSimulatedRange)
    XCTAssertEqual(median.shareAtOrBelowObserved, 98.0 / 101.0)
  }

  func testQuantilesTolerateInfinitiesAndNaN() {
    let q = PriorPredictiveStatistics.quantiles(
      [1, .infinity, .nan, 2, 3], levels: [0, 0.5, 0.9, 1])
    XCTAssertEqual(q[0], 1)
    XCTAssertEqual(q[1], 2.5)
    XCTAssertEqual(q[2], .infinity)
    XCTAssertEqual(q[3], .infinity)
    XCTAssertTrue(PriorPredictiveStatistics.quantiles([.nan], levels: [0.5])[0].isNaN)
  }

  func testReportNumbers() {
    XCTAssertEqual(PriorPredictiveNumbers.amount(49_053.95), "49,054")
    XCTAssertEqual(PriorPredictiveNumbers.amount(12.5), "12.50")
    XCTAssertEqual(PriorPredictiveNumbers.amount(0), "0.00")
    XCTAssertEqual(PriorPredictiveNumbers.amount(3.98e7), "3.98e+07")
    XCTAssertEqual(PriorPredictiveNumbers.amount(-1_234_567), "-1.23e+06")
    XCTAssertEqual(PriorPredictiveNumbers.amount(9.999e6), "1.00e+07")
    XCTAssertEqual(PriorPredictiveNumbers.amount(.infinity), "inf")
    XCTAssertEqual(PriorPredictiveNumbers.percent(0.05), "5%")
    XCTAssertEqual(PriorPredictiveNumbers.percent(0.025), "2.5%")
    XCTAssertEqual(PriorPredictiveNumbers.percent(59.0 / 104.0), "57%")
  }

  func testDefaultPriorsOnSyntheticDataRaiseNoFlag() throws {
    let model = try TestModels.flightedModel(seed: 6)
    let check = PriorPredictiveCheck(
      model: model, draws: PriorPredictiveSimulator.simulate(model: model, count: 400, seed: 3))
    XCTAssertTrue(check.passed, check.flags.map(\.message).joined(separator: "\n"))
    XCTAssertGreaterThanOrEqual(check.revenue.shareIn95, 0.9)
    XCTAssertTrue(check.zeroShare.isInsideCentral90)
    XCTAssertEqual(
      check.implied.map(\.key),
      ["price_elasticity", "promo_lift"]
        + model.inputs.socialNames.map { "total_effect_share.\($0)" })
  }

  /// Weakly informative: data simulated from the model with ordinary MMM magnitudes (log
  /// effects of 0.1-0.3, 15% weekly noise, elasticity -1.5) are plausible under the
  /// default priors, with no flag in either direction.
  func testOrdinaryMMMDataArePlausibleUnderTheDefaultPriors() throws {
    let model = try TestModels.flightedModel(seed: 9)
    let layout = model.layout
    var truth = model.priors.map { $0.quantile(0.5) }
    func set(_ indices: [Int], _ value: Double) { for i in indices { truth[i] = value } }
    set([layout.revenueIntercept], -0.05)
    set([layout.revenueSigma], 0.15)
    set(Array(layout.socialEffect), 0.2)
    set([layout.googleEffect], 0.2)
    set(Array(layout.ownedEffect), 0.1)
    set(Array(layout.revenueDesign), 0.05)
    set([layout.priceElasticity!], -1.5)
    set([layout.promoLift!], 0.1)
    set([layout.onoffIntercept, layout.amountIntercept], 0)
    set(Array(layout.onoffSocial), 0.5)
    set(Array(layout.amountSocial), 0.2)
    set(Array(layout.onoffDesign) + Array(layout.amountDesign), 0.05)
    set([layout.amountSigma], 0.3)
    let outcome = OutcomeSimulator.simulate(
      model: model, parameters: truth, random: GSLRandom(runSeed: 19))
    let ordinary = model.replacingInputs(outcome.inputs)
    let check = PriorPredictiveCheck(
      model: ordinary,
      draws: PriorPredictiveSimulator.simulate(model: ordinary, count: 1000, seed: 20))
    XCTAssertTrue(check.passed, check.flags.map(\.message).joined(separator: "\n"))
    XCTAssertGreaterThanOrEqual(check.revenue.shareIn95, 0.9)
  }

  /// A revenue level prior far above the data and a Google prior that is almost always on
  /// make the data implausible; the flags name the priors to revise.
  func testImplausiblePriorsAreFlaggedWithTheirKeys() throws {
    let inputs = SyntheticInputs.flighted(seed: 7)
    let layout = ParameterLayout(inputs: inputs)
    let defaults = try TestModels.constantElasticityPriors()
    var priors = try defaults.resolve(for: layout)
    priors[layout.revenueIntercept] = try Prior(.normal(mean: 8, sd: 0.1))
    priors[layout.revenueSigma] = try Prior(.halfNormal(sd: 0.1))
    priors[layout.onoffIntercept] = try Prior(.normal(mean: 6, sd: 0.1))
    for index in Array(layout.socialEffect) + Array(layout.onoffSocial) {
      priors[index] = try Prior(.normal(mean: 0, sd: 0.01))
    }
    let model = JointModel(inputs: inputs, priors: priors, studentTDegrees: 5)
    let check = PriorPredictiveCheck(
      model: model, draws: PriorPredictiveSimulator.simulate(model: model, count: 200, seed: 4))
    XCTAssertFalse(check.passed)
    let flagged = Set(check.flags.flatMap(\.priors))
    XCTAssertTrue(flagged.contains("revenue_intercept"), "\(check.flags)")
    XCTAssertTrue(flagged.contains("search_onoff_intercept"), "\(check.flags)")
    XCTAssertLessThan(check.revenue.shareIn95, 0.9)
    XCTAssertFalse(check.zeroShare.isInsideCentral90)
    let text = check.text(
      context: .init(dataPath: "data.csv", priorsPath: "priors.json", seed: 4))
    XCTAssertTrue(text.contains("The priors put weekly revenue too high"), text)
    XCTAssertTrue(text.contains("Widen search_onoff_intercept"), text)
    XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 100 }, text)
  }

  func testFolderHoldsEveryFileWithOneRowPerDraw() throws {
    let model = try TestModels.flightedModel(seed: 8)
    let draws = PriorPredictiveSimulator.simulate(model: model, count: 25, seed: 5)
    let check = PriorPredictiveCheck(model: model, draws: draws)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("prior-predictive-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let labels = (1...model.inputs.weeks).map { "w\($0)" }
    let context = PriorPredictiveCheck.Context(dataPath: "d", priorsPath: "p", seed: 5)
    for _ in 0..<2 {  // the second write replaces the first
      try PriorPredictiveFolder.write(
        draws: draws, check: check, weekLabels: labels, context: context, to: folder.path)
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    XCTAssertEqual(names, PriorPredictiveFolder.fileNames.sorted())
    let parent = try FileManager.default.contentsOfDirectory(
      atPath: folder.deletingLastPathComponent().path)
    XCTAssertFalse(parent.contains { $0.hasPrefix(folder.lastPathComponent + ".") })

    let parameters = try String(
      contentsOf: folder.appendingPathComponent("parameters.csv"), encoding: .utf8
    ).split(separator: "\n")
    XCTAssertEqual(parameters.count, 26)
    let header = parameters[0].split(separator: ",").map(String.init)
    XCTAssertEqual(header.first, "draw")
    XCTAssertEqual(Array(header[1...model.layout.count]), model.layout.names)
    XCTAssertTrue(header.contains("total_effect_share.social_1"))
    let revenue = try String(
      contentsOf: folder.appendingPathComponent("revenue.csv"), encoding: .utf8
    ).split(separator: "\n")
    XCTAssertEqual(revenue.count, 26)
    XCTAssertEqual(revenue[0].split(separator: ",").count, model.inputs.weeks + 1)
    let bands = try String(
      contentsOf: folder.appendingPathComponent("bands.csv"), encoding: .utf8
    ).split(separator: "\n")
    XCTAssertEqual(bands.count, model.inputs.weeks + 1)
    let summary = try JSONValue(
      parsing: Data(contentsOf: folder.appendingPathComponent("summary.json")))
    XCTAssertNotNil(summary["revenue"]?["observed_share_in_95"]?.numberValue)
  }
}
