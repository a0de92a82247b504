import XCTest

@testable import BayesMMM

/// The pieces the diagnostics are made of, against definitions computed the slow way.
final class DiagnosticsBuildingBlockTests: XCTestCase {
  func testFractionalRanksAverageTies() {
    XCTAssertEqual(Diagnostics.fractionalRanks([10, 30, 20, 30]), [1, 3.5, 2, 3.5])
    XCTAssertEqual(Diagnostics.fractionalRanks([5, 5, 5]), [2, 2, 2])
    XCTAssertEqual(Diagnostics.fractionalRanks([]), [])
  }

  func testRankNormalizedScoresUseBlomOffsets() {
    let scores = Diagnostics.rankNormalized([[3, 1], [2, 4]])
    // S = 4: z = Φ⁻¹((r − 3/8) / 4.25) for ranks r = 3, 1, 2, 4.
    let expected = [[3.0, 1.0], [2.0, 4.0]].map { chain in
      chain.map { GSLSpecial.normalQuantile(($0 - 0.375) / 4.25) }
    }
    XCTAssertEqual(scores, expected)
    XCTAssertEqual(scores[0][0], -scores[1][0], accuracy: 1e-15)
  }

  func testAutocovarianceMatchesDirectSumsOverManySeeds() {
    for seed in 0..<20 {
      let rng = GSLRandom(runSeed: UInt64(seed))
      let count = 3 + seed * 37
      var chain = [Double](repeating: 0, count: count)
      for index in 1..<count { chain[index] = 0.8 * chain[index - 1] + rng.standardNormal() }
      let mean = chain.reduce(0, +) / Double(count)
      let fast = Diagnostics.autocovariance(chain)
      XCTAssertEqual(fast.count, count)
      for lag in 0..<count {
        var sum = 0.0
        for index in 0..<(count - lag) {
          sum += (chain[index] - mean) * (chain[index + lag] - mean)
        }
        let direct = sum / Double(count)
        XCTAssertEqual(fast[lag], direct, accuracy: 1e-12 * fast[0], "seed \(seed), lag \(lag)")
      }
    }
  }

  func testQuantileInterpolatesLikeNumPy() {
    let values = [4.0, 1, 3, 2]
    XCTAssertEqual(Diagnostics.quantile(values, probability: 0), 1)
    XCTAssertEqual(Diagnostics.quantile(values, probability: 1), 4)
    XCTAssertEqual(Diagnostics.quantile(values, probability: 0.5), 2.5)
    XCTAssertEqual(Diagnostics.quantile(values, probability: 0.1), 1.3, accuracy: 1e-15)
    XCTAssertTrue(Diagnostics.quantile(values, probability: 1.5).isNaN)
    XCTAssertTrue(Diagnostics.quantile([Double](), probability: 0.5).isNaN)
    XCTAssertEqual(Diagnostics.median([3, 1, 2]), 2)
    XCTAssertEqual(Diagnostics.median([4, 1, 3, 2]), 2.5)
  }

  func testMeanAndStandardDeviation() {
    XCTAssertEqual(Diagnostics.mean([1, 2, 3, 4]), 2.5)
    XCTAssertEqual(Diagnostics.standardDeviation([1, 2, 3, 4]), (5.0 / 3).squareRoot())
    XCTAssertTrue(Diagnostics.standardDeviation([1]).isNaN)
    XCTAssertTrue(Diagnostics.mean([1, .nan]).isNaN)
  }

  func testEBFMIIsSquaredStepsOverSquaredDeviations() {
    let energy = [1.0, 3, 2, 5, 4]
    // Steps 2, −1, 3, −1 → 15; deviations from 3: −2, 0, −1, 2, 1 → 10.
    XCTAssertEqual(Diagnostics.eBFMI(energy: [energy])[0], 1.5, accuracy: 1e-15)
  }
}
