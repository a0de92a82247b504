import Foundation
import XCTest

@testable import BayesMMM

/// The oracle check of issue 15 (`BAYES_MMM_SLOW=1`): on data simulated from known
/// parameters, the allocation chosen from the posterior, evaluated under the truth, captures
/// most of the gain of the allocation chosen knowing the truth (the true optimum: a "run"
/// whose one draw is the true parameters).
///
/// Per dataset, with N_true(f) the true net revenue of scales f (the truth's draw on 256
/// Google paths) and f_true, f_post the plans optimised on the truth and on the posterior:
///
///     captured = (N_true(f_post) - N_true(1)) / (N_true(f_true) - N_true(1)).
///
/// Datasets whose true gain is below 0.5% of the current revenue are reported and left out
/// of the average (the ratio of two near-zero gains says nothing); so are prior draws whose
/// data cannot be fitted. About 35 s on two threads; measured 2026-12-07 on 6 datasets
/// (seeds 900-905): captured 52.6%, 100%, 100%, 99.5%, 100%, 64.3%, on average 86.1%.
final class AllocationOracleTests: XCTestCase {
  private let datasets = 6
  private let truthPaths = 256

  func testThePosteriorPlanCapturesMostOfTheTrueOptimumsGain() throws {
    try XCTSkipUnless(slowTestsEnabled, "set BAYES_MMM_SLOW=1")
    let priors = try TestModels.defaultPriors()
    var ratios: [Double] = []
    var used = 0
    for index in 0..<(4 * datasets) where used < datasets {
      let seed = UInt64(900 + index)
      guard
        let simulated = try? SimulatedDataset.simulate(
          weeks: 104, seed: seed, configuration: priors)
      else {
        print("allocation oracle: seed \(seed) skipped (its simulated data cannot be fitted)")
        continue
      }
      used += 1
      let model = simulated.model
      var fit = SamplerSettings.validationFit
      fit.seed = seed
      let posterior = try PosteriorSample.fit(model: model, settings: fit, threads: 2)

      var oracleSettings = BudgetAllocation.Settings(seed: seed)
      oracleSettings.paths = truthPaths
      oracleSettings.threads = 2
      let oracle = try BudgetAllocation.compute(
        model: model, draws: [simulated.truth], settings: oracleSettings)
      var settings = BudgetAllocation.Settings(seed: seed)
      settings.threads = 2
      let chosen = try BudgetAllocation.compute(
        model: model, draws: posterior.draws, settings: settings)

      let truth = AllocationDraws(
        model: model, draws: [simulated.truth], streams: [0], paths: truthPaths,
        seed: seed &+ 1, threads: 1)
      let ones = [Double](repeating: 1, count: chosen.scales.count)
      let current = truth.outcomes(scales: ones)[0]
      func net(_ scales: [Double]) -> Double {
        let outcome = truth.outcomes(scales: scales)[0]
        return outcome.revenue - (outcome.googleSpend - current.googleSpend)
      }
      let trueGain = net(oracle.scales) - current.revenue
      let postGain = net(chosen.scales) - current.revenue
      let share = trueGain / current.revenue
      let format = { (x: [Double]) in x.map { String(format: "%.2f", $0) }.joined(separator: " ") }
      var line =
        "allocation oracle seed \(seed): true plan [\(format(oracle.scales))] gain "
        + String(format: "%.0f (%.1f%%)", trueGain, 100 * share)
        + "; posterior plan [\(format(chosen.scales))] gain \(String(format: "%.0f", postGain))"
      if share >= 0.005 {
        ratios.append(postGain / trueGain)
        line += String(format: "; captured %.1f%%", 100 * postGain / trueGain)
      } else {
        line += "; true gain below 0.5% of revenue, not averaged"
      }
      print(line + "; \(posterior.divergences) divergences")
    }
    XCTAssertEqual(used, datasets, "enough simulated datasets can be fitted")
    XCTAssertGreaterThanOrEqual(ratios.count, 5, "at least 5 datasets with a material gain")
    let average = ratios.reduce(0, +) / Double(ratios.count)
    print(
      "allocation oracle: the posterior plan captures \(String(format: "%.1f", 100 * average))% "
        + "of the true optimum's gain on average over \(ratios.count) datasets")
    XCTAssertGreaterThanOrEqual(average, 0.8)
  }
}
