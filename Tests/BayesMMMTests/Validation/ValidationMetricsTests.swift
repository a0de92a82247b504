import XCTest

@testable import BayesMMM

/// The scoring rules, baselines and residual checks of `validate` on cases small enough to
/// compute by hand.
final class ValidationMetricsTests: XCTestCase {
  func testQuantilesInterpolateLinearlyBetweenOrderStatistics() {
    let values = [4.0, 1, 3, 2]
    XCTAssertEqual(Quantiles.quantile(values, 0), 1)
    XCTAssertEqual(Quantiles.quantile(values, 1), 4)
    // h = 3 x 0.5 = 1.5: halfway between 2 and 3.
    XCTAssertEqual(Quantiles.median(values), 2.5)
    // h = 3 x 0.05 = 0.15 -> 1.15; h = 2.85 -> 3.85.
    let interval = Quantiles.interval(values, level: 0.9)
    XCTAssertEqual(interval.lower, 1.15, accuracy: 1e-12)
    XCTAssertEqual(interval.upper, 3.85, accuracy: 1e-12)
    XCTAssertTrue(Quantiles.quantile([], 0.5).isNaN)
  }

  /// CRPS of a two-point ensemble {0, 1} at y: E|X - y| - E|X - X'| / 2 with
  /// E|X - X'| = (0 + 1 + 1 + 0) / 4 = 1/2.
  func testSampleCRPSMatchesTheDefinition() {
    XCTAssertEqual(
      ForecastMetrics.crps(sorted: [0, 1], observation: 0), 0.5 - 0.25, accuracy: 1e-15)
    XCTAssertEqual(
      ForecastMetrics.crps(sorted: [0, 1], observation: 3), 2.5 - 0.25, accuracy: 1e-15)
    // A point mass: CRPS is the absolute error.
    XCTAssertEqual(ForecastMetrics.crps(sorted: [2, 2, 2], observation: -1), 3, accuracy: 1e-15)
    // The O(n) form equals the O(n^2) double sum on an uneven ensemble.
    let ensemble = [-1.3, 0.2, 0.25, 1.7, 4.0]
    let y = 0.9
    let n = Double(ensemble.count)
    let absolute = ensemble.reduce(0) { $0 + abs($1 - y) } / n
    let pairs = ensemble.reduce(0) { sum, a in sum + ensemble.reduce(0) { $0 + abs(a - $1) } }
    XCTAssertEqual(
      ForecastMetrics.crps(sorted: ensemble, observation: y), absolute - pairs / (2 * n * n),
      accuracy: 1e-13)
  }

  /// Three weeks scored by hand: observed log revenue 1, 2, 3 (the last at the floor),
  /// points 1.5, 2, 2.
  func testForecastScoresOnAHandComputedCase() {
    let forecasts = [
      WeekForecast(week: 0, observed: 1, isFloor: false, point: 1.5, ensemble: [0, 1, 2]),
      WeekForecast(week: 1, observed: 2, isFloor: false, point: 2, ensemble: [1.9, 2, 2.1]),
      WeekForecast(week: 2, observed: 3, isFloor: true, point: 2, ensemble: [0, 1, 2]),
    ]
    let scores = ForecastScores(forecasts)
    // SSE = 0.25 + 0 + 1 = 1.25; SST around 2 = 1 + 0 + 1 = 2.
    XCTAssertEqual(scores.rSquared, 1 - 1.25 / 2, accuracy: 1e-15)
    XCTAssertEqual(scores.rmse, (1.25 / 3).squareRoot(), accuracy: 1e-15)
    // Floor week left out: |e - e^1.5| / e and 0.
    let e = exp(1.0)
    XCTAssertEqual(scores.mape, 100 * (abs(e - exp(1.5)) / e) / 2, accuracy: 1e-12)
    // 50% intervals: [0.5, 1.5] holds 1; [1.95, 2.05] holds 2; [0.5, 1.5] misses 3.
    XCTAssertEqual(scores.coverage50, 2.0 / 3.0, accuracy: 1e-15)
    // 90% intervals: [0.1, 1.9], [1.91, 2.09], [0.1, 1.9].
    XCTAssertEqual(scores.coverage90, 2.0 / 3.0, accuracy: 1e-15)
    // CRPS: {0,1,2} at 1: 2/3 - (1/9)(2 x (0 x 0 ... )) -> E|X-X'| = 8/9, so 2/3 - 4/9.
    let first = 2.0 / 3.0 - 4.0 / 9.0
    let second = ForecastMetrics.crps(sorted: [1.9, 2, 2.1], observation: 2)
    let third = 2.0 - 4.0 / 9.0
    XCTAssertEqual(scores.crps, (first + second + third) / 3, accuracy: 1e-12)
  }

  func testLastValueBaselineWidensWithTheHorizon() {
    let training = [1.0, 2, 4]
    let observed = [1.0, 2, 4, 5, 3, 9, 9, 9]
    let forecasts = NaiveBaselines.lastValue(
      training: training, testWeeks: [3, 6], observed: observed,
      isFloor: [Bool](repeating: false, count: 8))
    XCTAssertEqual(forecasts.map(\.point), [4, 4])
    // Changes 1 and 2; horizon 1 and 2 (the second test week listed).
    XCTAssertEqual(forecasts[0].ensemble, [5, 6])
    XCTAssertEqual(forecasts[1].ensemble[0], 4 + 2.0.squareRoot(), accuracy: 1e-15)
    XCTAssertEqual(forecasts[1].ensemble[1], 4 + 2 * 2.0.squareRoot(), accuracy: 1e-15)
    XCTAssertEqual(forecasts[0].observed, 5)
  }

  func testSeasonalMeanUsesTheSameFourWeekBlockOfTheYear() {
    XCTAssertEqual(NaiveBaselines.seasonBlock(isoWeek: 1), 0)
    XCTAssertEqual(NaiveBaselines.seasonBlock(isoWeek: 4), 0)
    XCTAssertEqual(NaiveBaselines.seasonBlock(isoWeek: 5), 1)
    XCTAssertEqual(NaiveBaselines.seasonBlock(isoWeek: 52), 12)
    XCTAssertEqual(NaiveBaselines.seasonBlock(isoWeek: 53), 12)
    // Training weeks in blocks 0, 0, 1; a test week in block 0 and one in block 5 (unseen).
    let training = [2.0, 4, 10]
    let isoWeeks = [1, 2, 5, 3, 21]
    let forecasts = NaiveBaselines.seasonalMean(
      training: training, isoWeeks: isoWeeks, testWeeks: [3, 4],
      observed: [2, 4, 10, 3, 7], isFloor: [Bool](repeating: false, count: 5))
    XCTAssertEqual(forecasts[0].point, 3)
    XCTAssertEqual(forecasts[1].point, 16.0 / 3.0, accuracy: 1e-15)
    // Training residuals: -1, 1, 0.
    XCTAssertEqual(forecasts[0].ensemble, [2, 3, 4])
  }

  /// An alternating series has rho_1 = -3/4 (n = 4): sum of lag-1 products -3 over sum of
  /// squares 4; rho_2 = 2/4. Ljung-Box with m = min(10, 4/5) = 0 lags is undefined.
  func testResidualChecksOnKnownSeries() {
    let alternating = [1.0, -1, 1, -1]
    let rho = ResidualChecks.autocorrelations(alternating, maxLag: 2)
    XCTAssertEqual(rho[0], -0.75, accuracy: 1e-15)
    XCTAssertEqual(rho[1], 0.5, accuracy: 1e-15)
    let short = ResidualChecks(
      residuals: alternating, logPrice: [1, 2, 3, 4], promotion: [0, 1, 0, 1])
    XCTAssertTrue(short.ljungBoxQ.isNaN)
    XCTAssertEqual(try XCTUnwrap(short.correlationWithPromotion), -1, accuracy: 1e-15)

    // Ten values, m = 2 lags: Q = n (n + 2) (rho_1^2 / 9 + rho_2^2 / 8), p from chi2(2).
    let series = [0.3, -0.1, 0.4, 0.2, -0.5, 0.1, 0.0, -0.2, 0.6, -0.3]
    let checks = ResidualChecks(
      residuals: series, logPrice: series.map { $0 * 2 + 1 }, promotion: series.map { -$0 })
    let r = ResidualChecks.autocorrelations(series, maxLag: 2)
    let q = 10.0 * 12.0 * (r[0] * r[0] / 9 + r[1] * r[1] / 8)
    XCTAssertEqual(checks.ljungBoxLags, 2)
    XCTAssertEqual(checks.ljungBoxQ, q, accuracy: 1e-12)
    XCTAssertEqual(checks.ljungBoxPValue, exp(-q / 2), accuracy: 1e-12)  // chi2(2) tail
    XCTAssertEqual(checks.lag1Autocorrelation, r[0])
    XCTAssertEqual(try XCTUnwrap(checks.correlationWithLogPrice), 1, accuracy: 1e-12)
    XCTAssertEqual(try XCTUnwrap(checks.correlationWithPromotion), -1, accuracy: 1e-12)
  }

  func testRankHistogramCountsAndChiSquare() {
    // Ten ranks spread evenly over 0...9 in 5 bins: a perfect histogram.
    let even = RankHistogram(ranks: Array(0...9), maxRank: 9, bins: 5)
    XCTAssertEqual(even.counts, [2, 2, 2, 2, 2])
    XCTAssertEqual(even.statistic, 0)
    XCTAssertEqual(even.pValue, 1, accuracy: 1e-12)
    // All ranks 0 in 2 bins: (10 - 5)^2 / 5 x 2 = 10, P(chi2(1) > 10) = erfc(sqrt(5)).
    let piled = RankHistogram(ranks: [Int](repeating: 0, count: 10), maxRank: 9, bins: 2)
    XCTAssertEqual(piled.counts, [10, 0])
    XCTAssertEqual(piled.statistic, 10)
    XCTAssertEqual(piled.pValue, erfc(5.0.squareRoot()), accuracy: 1e-12)
    // Unequal bins: ranks 0...4 (5 values) in 2 bins of widths 3 and 2.
    let uneven = RankHistogram(ranks: [0, 1, 2, 3, 4], maxRank: 4, bins: 2)
    XCTAssertEqual(uneven.counts, [3, 2])
    XCTAssertEqual(uneven.expected, [3, 2])
  }
}

extension ValidationMetricsTests {
  /// Residuals shaped as an inverted U in log price correlate -1 with its square and 0
  /// with log price itself (symmetric prices).
  func testAnInvertedUAgainstPriceShowsInTheSquaredLogPriceCorrelation() throws {
    let logPrice = stride(from: -0.1, through: 0.1, by: 0.02).map { $0 }
    let residuals = logPrice.map { 1 - 50 * $0 * $0 }
    let checks = ResidualChecks(residuals: residuals, logPrice: logPrice, promotion: nil)
    XCTAssertEqual(try XCTUnwrap(checks.correlationWithSquaredLogPrice), -1, accuracy: 1e-12)
    XCTAssertEqual(try XCTUnwrap(checks.correlationWithLogPrice), 0, accuracy: 1e-12)
    XCTAssertNil(
      ResidualChecks(residuals: residuals, logPrice: nil, promotion: nil)
        .correlationWithSquaredLogPrice)
  }
}
