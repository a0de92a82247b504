import XCTest

@testable import BayesMMM

/// PSIS on ratios of known tail shape: k recovers the generating shape, weights normalise,
/// and too short a tail is reported as k = inf, unsmoothed.
final class ParetoSmoothedImportanceSamplingTests: XCTestCase {
  /// Importance ratios with a generalized Pareto tail of shape k: r = ((1 - u)^-k - 1) / k.
  private func logRatios(shape k: Double, count: Int, seed: UInt64) -> [Double] {
    let rng = GSLRandom(runSeed: seed)
    return (0..<count).map { _ in log(1 + expm1(-k * log1p(-rng.uniform())) / k) }
  }

  /// With 40,000 ratios the tail has 600 values; the estimate's sd there is about
  /// (1 + k) / sqrt(600) < 0.08, so 0.2 is 2.5 sd. Each shape has its own seed.
  func testTheFittedShapeRecoversTheGeneratingTail() {
    for (seed, k) in [(7, 0.2), (8, 0.5), (9, 0.9)] {
      let fitted = ParetoSmoothedImportanceSampling.smooth(
        logRatios: logRatios(shape: k, count: 40_000, seed: UInt64(seed)), relativeEfficiency: 1
      ).shape
      XCTAssertEqual(fitted, k, accuracy: 0.2, "k \(k)")
    }
  }

  func testSmoothedWeightsSumToOneAndKeepTheBodyOrder() {
    let ratios = logRatios(shape: 0.6, count: 1000, seed: 8)
    let smoothed = ParetoSmoothedImportanceSampling.smooth(
      logRatios: ratios, relativeEfficiency: 0.7)
    XCTAssertEqual(smoothed.logWeights.reduce(0) { $0 + exp($1) }, 1, accuracy: 1e-12)
    let order = ratios.indices.sorted { ratios[$0] < ratios[$1] }
    let weights = order.map { smoothed.logWeights[$0] }
    XCTAssertEqual(weights, weights.sorted())
  }

  func testFourTailValuesOrFewerGiveAnInfiniteKAndNoSmoothing() {
    let ratios = [0.1, -0.3, 0.7, 0.2, -1.0, 0.4, 0.0, -0.2]
    let smoothed = ParetoSmoothedImportanceSampling.smooth(logRatios: ratios, relativeEfficiency: 1)
    XCTAssertEqual(smoothed.shape, .infinity)
    let normaliser = ParetoSmoothedImportanceSampling.logSumExp(ratios)
    for (w, r) in zip(smoothed.logWeights, ratios) {
      XCTAssertEqual(w, r - normaliser, accuracy: 1e-14)
    }
  }
}
