import Foundation
import XCTest

@testable import BayesMMM

/// The fit section: Bayesian R-squared, MAPE and predictive coverage on the fixture run.
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
}
