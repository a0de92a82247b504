import Foundation
import XCTest

@testable import BayesMMM

/// The forecast backtest of issue 15 (`BAYES_MMM_SLOW=1`): on simulated data, fit the first
/// 80 weeks, forecast the remaining 24 from their plan with Google simulated, and count how
/// often the 90% interval holds the simulated revenue. About 25 s in all on one core; measured
/// 2026-12-07: 215 of 240 weeks (89.6%).
final class ForecastBacktestTests: XCTestCase {
  private let weeks = 104
  private let fitted = 80
  /// Datasets forecast; prior draws whose simulated data cannot be fitted (revenue at the
  /// floor in most weeks, Google never on) are skipped, as `sample` would refuse them.
  private let datasets = 10

  func testNinetyPercentIntervalsCoverAboutNinetyPercentOfForecastWeeks() throws {
    try XCTSkipUnless(slowTestsEnabled, "set BAYES_MMM_SLOW=1")
    let priors = try TestModels.defaultPriors()
    var covered = 0
    var total = 0
    var used = 0
    for index in 0..<(3 * datasets) where used < datasets {
      let seed = UInt64(700 + index)
      guard
        let simulated = try? SimulatedDataset.simulate(
          weeks: weeks, seed: seed, configuration: priors),
        let prepared = try? PreparedModel(
          dataset: try WeeklyDataset.parse(
            bytes: Array(
              simulated.csv.split(separator: "\n").prefix(fitted + 1).joined(separator: "\n")
                .utf8), source: "train.csv", roles: ColumnRoles()), configuration: priors)
      else {
        print("forecast backtest: seed \(seed) skipped (its simulated data cannot be fitted)")
        continue
      }
      used += 1
      let lines = simulated.csv.split(separator: "\n").map(String.init)
      let header = lines[0].split(separator: ",").map(String.init)
      let data = prepared.dataset
      let google = header.firstIndex(of: "google_spend")
      let planLines = ([lines[0]] + lines[(fitted + 1)...]).map { line in
        line.split(separator: ",", omittingEmptySubsequences: false).enumerated()
          .filter { $0.offset != google }.map { String($0.element) }.joined(separator: ",")
      }
      let plan = try ForecastPlan.parse(
        bytes: Array(planLines.joined(separator: "\n").utf8), source: "plan.csv", dataset: data)
      var settings = SamplerSettings.validationFit
      settings.seed = seed
      let posterior = try PosteriorSample.fit(model: prepared.model, settings: settings, threads: 1)
      let forecast = Forecast.compute(
        prepared: prepared, plan: plan, draws: posterior.draws, paths: 4, seed: seed)
      let summary = ForecastSummary(forecast)
      let observed = Array(simulated.dataset.outcome[fitted...])
      var hits = 0
      for (week, actual) in zip(summary.weeks, observed) {
        // The data report revenue at the floor; so does the forecast.
        let reported = max(actual, data.floorValue ?? 0)
        if week.revenue.q05 <= reported && reported <= week.revenue.q95 { hits += 1 }
      }
      print(
        "forecast backtest dataset \(index) (seed \(seed)): \(hits) of \(observed.count) weeks "
          + "inside the 90% interval; \(posterior.divergences) divergences")
      covered += hits
      total += observed.count
    }
    XCTAssertEqual(used, datasets, "enough simulated datasets can be fitted")
    let coverage = Double(covered) / Double(total)
    print(
      "forecast backtest: 90% intervals cover \(covered) of \(total) forecast weeks "
        + "(\(String(format: "%.1f", 100 * coverage))%)")
    XCTAssertGreaterThanOrEqual(coverage, 0.80)
    XCTAssertLessThanOrEqual(coverage, 0.97)
  }
}
