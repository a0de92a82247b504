import Foundation
import XCTest

@testable import BayesMMM

/// The fit section: R-squared (floor-aware and Bayesian), MAPE, predictive coverage and the
/// floor weeks' predictions, on hand-computed cases and the fixture run.
final class FitSummaryTests: XCTestCase {
  func testBayesianR2IsExplainedOverExplainedPlusResidualVariance() {
    let mu = [1.0, 2, 3, 4, 100]
    let observed = [1.5, 1.5, 3.5, 3.5, 0]
    // Week 4 (a floor week, say) left out: residuals 0.5, -0.5, 0.5, -0.5.
    let r2 = FitSummary.bayesianR2(mu: mu, observed: observed, weeks: [0, 1, 2, 3])
    let explained = Diagnostics.variance([1.0, 2, 3, 4])
    let residual = Diagnostics.variance([0.5, -0.5, 0.5, -0.5])
    XCTAssertEqual(r2, explained / (explained + residual), accuracy: 1e-15)
  }

  func testFloorWeeksAreCoveredWhenTheIntervalReachesTheFloor() {
    XCTAssertTrue(FitSummary.covers(lower: -3, upper: -1, observed: -2, isFloor: false))
    XCTAssertFalse(FitSummary.covers(lower: -3, upper: -2.5, observed: -2, isFloor: false))
    XCTAssertTrue(FitSummary.covers(lower: -3, upper: -2.5, observed: -2, isFloor: true))
    XCTAssertTrue(FitSummary.covers(lower: -2, upper: 5, observed: -2, isFloor: true))
    XCTAssertFalse(FitSummary.covers(lower: -1.9, upper: 5, observed: -2, isFloor: true))
  }

  func testFixtureRunFitIsReproducibleAndInRange() throws {
    let run = try StoredRun.read(directory: SummaryFixtures.runWithEffects)
    let prepared = try SummaryFixtures.prepared(run)
    let fit = try XCTUnwrap(
      FitSummary.compute(prepared: prepared, draws: run.draws, seed: run.seed))
    let again = FitSummary.compute(prepared: prepared, draws: run.draws, seed: run.seed)
    XCTAssertEqual(fit, again)
    XCTAssertEqual(fit.weeks, 104)
    XCTAssertEqual(fit.floorWeeks, 8)
    XCTAssertEqual(fit.draws, 100)
    XCTAssertTrue((0...1).contains(fit.bayesianR2.median))
    XCTAssertLessThanOrEqual(fit.bayesianR2.lower90, fit.bayesianR2.median)
    XCTAssertLessThanOrEqual(fit.bayesianR2.median, fit.bayesianR2.upper90)
    XCTAssertGreaterThan(fit.mape, 0)
    XCTAssertLessThanOrEqual(fit.coverage50, fit.coverage90)
    XCTAssertTrue((0...1).contains(fit.coverage90))
  }

  func testMAPEUsesThePosteriorMedianPredictionOnNonFloorWeeks() throws {
    let run = try StoredRun.read(directory: SummaryFixtures.runWithEffects)
    let prepared = try SummaryFixtures.prepared(run)
    let fit = try XCTUnwrap(
      FitSummary.compute(prepared: prepared, draws: run.draws, seed: run.seed))
    let model = prepared.model
    let forward = ForwardModel(model: model)
    let indices = model.layout.names.map { run.draws.columns.firstIndex(of: $0) ?? -1 }
    var mu: [[Double]] = []
    for chain in run.draws.values {
      for draw in 0..<run.draws.drawCount {
        let parameters = indices.map { chain[draw * run.draws.width + $0] }
        mu.append(forward.state(parameters: parameters).observedRevenuePredictor)
      }
    }
    let data = prepared.dataset
    var errors: [Double] = []
    for t in 0..<data.weekCount where !data.isFloor[t] {
      let median = Diagnostics.quantile(mu.map { $0[t] }, probability: 0.5)
      let predicted = exp(median) * model.inputs.revenueScale
      errors.append(abs(data.outcome[t] - predicted) / data.outcome[t])
    }
    XCTAssertEqual(fit.mape, 100 * errors.reduce(0, +) / Double(errors.count), accuracy: 1e-9)
  }

  /// Scale 40,000 and floor 1: log floor = log(1 / 40,000). A median at the floor reports the
  /// floor itself; one above it reports exp(median) x scale; one below it (a model that does
  /// not censor) counts as at the floor and reports its own value.
  func testFloorWeekPredictionsReportTheFloorItselfWhenTheMedianIsAtIt() throws {
    let scale = 40_000.0
    let logFloor = log(1 / scale)
    let predictions = FitSummary.floorWeekPredictions(
      medians: [0.3, logFloor, log(0.5), log(0.9 / scale)],
      observed: [log(50_000 / scale), logFloor, logFloor, logFloor],
      revenue: [50_000, 1, 1, 1], floorWeeks: [false, true, true, true],
      dates: ["2024-01-07", "2024-01-14", "2024-01-21", "2024-01-28"], revenueScale: scale)
    XCTAssertEqual(predictions.map(\.date), ["2024-01-14", "2024-01-21", "2024-01-28"])
    XCTAssertEqual(predictions.map(\.isAtFloor), [true, false, true])
    XCTAssertEqual(predictions[0].predictedMedian, 1)
    XCTAssertEqual(predictions[1].predictedMedian, 20_000, accuracy: 1e-9)
    XCTAssertEqual(predictions[2].predictedMedian, 0.9, accuracy: 1e-12)
  }

  /// Four weeks of censored predictive draws (log floor 0). A sale at 1 inside both
  /// intervals; a floor week with 3 of 5 draws at the floor, inside both; a floor week with 2
  /// of 11 draws there: its 90% interval starts at the floor (Q(0.05) between the first two
  /// draws) but its 50% interval starts at 1; a sale at 5 above every draw.
  func testCoverageOfTheCensoredPredictiveCountsFloorWeeksReachingTheFloor() {
    let simulated = [
      [0, 0.5, 1, 1.5, 2],
      FloorScoring.censored([-3, -2, -1, 1, 2], atLogFloor: 0),
      FloorScoring.censored([-1, -1] + [Double](repeating: 1, count: 9), atLogFloor: 0),
      [0, 1, 2, 3, 4],
    ]
    let observed = [1.0, 0, 0, 5]
    let floorWeeks = [false, true, true, false]
    XCTAssertEqual(
      FitSummary.coverage(simulated, observed: observed, floorWeeks: floorWeeks, level: 0.5), 0.5)
    XCTAssertEqual(
      FitSummary.coverage(simulated, observed: observed, floorWeeks: floorWeeks, level: 0.9), 0.75)
  }

  /// The floor-aware figures of the fixture run recomputed from its simulated draws with the
  /// censoring, the medians and 1 - SSE/SST written out here.
  func testFixtureFloorAwareFiguresFollowTheCensoredPredictiveMedians() throws {
    let run = try StoredRun.read(directory: SummaryFixtures.runWithEffects)
    let prepared = try SummaryFixtures.prepared(run)
    let fit = try XCTUnwrap(
      FitSummary.compute(prepared: prepared, draws: run.draws, seed: run.seed))
    let model = prepared.model
    let inputs = model.inputs
    let data = prepared.dataset
    XCTAssertEqual(fit.floorValue, 1)
    let indices = model.layout.names.map { run.draws.columns.firstIndex(of: $0) ?? -1 }
    let predictors = FitSummary.revenuePredictors(
      model: model, draws: run.draws, parameterIndices: indices)
    let simulated = FitSummary.predictiveDraws(
      predictors, nu: model.studentTDegrees, seed: run.seed, weeks: data.weekCount)
    let logFloor = log(1 / inputs.revenueScale)
    let medians = simulated.map { draws in
      Diagnostics.quantile(draws.map { $0 < logFloor ? logFloor : $0 }, probability: 0.5)
    }
    func rSquared(_ weeks: [Int]) -> Double {
      let mean = weeks.map { inputs.logRevenue[$0] }.reduce(0, +) / Double(weeks.count)
      let sse = weeks.map { pow(inputs.logRevenue[$0] - medians[$0], 2) }.reduce(0, +)
      let sst = weeks.map { pow(inputs.logRevenue[$0] - mean, 2) }.reduce(0, +)
      return 1 - sse / sst
    }
    let all = Array(0..<data.weekCount)
    XCTAssertEqual(fit.rSquared, rSquared(all), accuracy: 1e-12)
    XCTAssertEqual(
      fit.rSquaredNonFloor, rSquared(all.filter { !data.isFloor[$0] }), accuracy: 1e-12)
    // The floor weeks dominate the all-weeks figure when predicted far above the floor.
    XCTAssertLessThan(fit.rSquared, fit.rSquaredNonFloor)

    let floorRows = all.filter { data.isFloor[$0] }
    XCTAssertEqual(fit.floorWeekPredictions.map(\.date), floorRows.map { data.dates[$0] })
    for (prediction, t) in zip(fit.floorWeekPredictions, floorRows) {
      XCTAssertEqual(prediction.isAtFloor, medians[t] == logFloor)
      let expected = medians[t] == logFloor ? 1 : exp(medians[t]) * inputs.revenueScale
      XCTAssertEqual(prediction.predictedMedian, expected, accuracy: 1e-9 * expected)
    }
    let atFloor = fit.floorWeekPredictions.filter(\.isAtFloor).count
    XCTAssertEqual(fit.floorWeeksPredictedAtFloor, Double(atFloor) / 8)
  }
}
