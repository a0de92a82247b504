import XCTest

@testable import BayesMMM

/// The definitions the effect and lever rows rest on: central (equal-tailed) intervals by
/// NumPy's linear quantile, and P(> 0) as the share of draws strictly above zero.
final class SummaryPosteriorStatisticsTests: XCTestCase {
  func testCentralIntervalsAreTheTailQuantilesOfLinearInterpolation() {
    // 0, 1, ..., 100: the p quantile is 100 p exactly.
    let draws = (0...100).map(Double.init).shuffled()
    let statistics = PosteriorStatistics(draws: draws)
    XCTAssertEqual(statistics.mean, 50, accuracy: 1e-12)
    XCTAssertEqual(statistics.median, 50, accuracy: 1e-12)
    XCTAssertEqual(statistics.lower90, 5, accuracy: 1e-12)
    XCTAssertEqual(statistics.upper90, 95, accuracy: 1e-12)
    XCTAssertEqual(statistics.lower95, 2.5, accuracy: 1e-12)
    XCTAssertEqual(statistics.upper95, 97.5, accuracy: 1e-12)
  }

  func testIntervalInterpolatesBetweenOrderStatistics() {
    // Four draws: h = 3 p; the 5% quantile sits 0.15 of the way from 10 to 20.
    let interval = PosteriorStatistics.centralInterval([40, 10, 30, 20], probability: 0.9)
    XCTAssertEqual(interval.lower, 11.5, accuracy: 1e-12)
    XCTAssertEqual(interval.upper, 38.5, accuracy: 1e-12)
  }

  func testProbabilityPositiveCountsStrictlyPositiveDraws() {
    XCTAssertEqual(PosteriorStatistics.probabilityPositive([-1, 0, 0, 2, 3]), 0.4)
    XCTAssertEqual(PosteriorStatistics.probabilityPositive([1, 2]), 1)
    XCTAssertEqual(PosteriorStatistics.probabilityPositive([-1, -2]), 0)
    XCTAssertTrue(PosteriorStatistics.probabilityPositive([]).isNaN)
    XCTAssertTrue(PosteriorStatistics.probabilityPositive([1, .nan]).isNaN)
  }

  func testTransformAppliesPerDraw() {
    let lift = PosteriorStatistics(draws: [0, log(2), log(0.5)], transform: expm1)
    XCTAssertEqual(lift.median, 0, accuracy: 1e-15)
    XCTAssertEqual(lift.mean, (0 + 1 - 0.5) / 3, accuracy: 1e-15)
    XCTAssertEqual(lift.probabilityPositive, 1.0 / 3.0)
  }

  func testParameterIntervalFollowsTheRequestedProbability() {
    let chains = [(0..<50).map(Double.init), (50..<100).map(Double.init)]
    let row = ParameterSummary(name: "x", draws: chains, probability: 0.5)
    let pooled = chains.flatMap { $0 }
    XCTAssertEqual(row.lower, Diagnostics.quantile(pooled, probability: 0.25), accuracy: 1e-12)
    XCTAssertEqual(row.upper, Diagnostics.quantile(pooled, probability: 0.75), accuracy: 1e-12)
  }
}
