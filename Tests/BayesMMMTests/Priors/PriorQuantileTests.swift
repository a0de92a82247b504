import XCTest

@testable import BayesMMM

final class PriorQuantileTests: XCTestCase {
  func testQuantileInvertsTheCDF() {
    let probabilities = [1e-6, 0.001, 0.05, 0.3, 0.5, 0.77, 0.95, 0.999, 1 - 1e-6]
    for testCase in PriorTestCases.all {
      for p in probabilities {
        let x = testCase.prior.quantile(p)
        XCTAssertTrue(testCase.prior.support.contains(x), "\(testCase.prior) at p = \(p)")
        XCTAssertEqual(
          testCase.referenceCDF(x), p, accuracy: 1e-9 * min(p, 1 - p) + 1e-15,
          "\(testCase.prior) at p = \(p)")
      }
    }
  }

  func testQuantileIsIncreasing() {
    for testCase in PriorTestCases.all {
      let values = stride(from: 0.01, through: 0.99, by: 0.01).map(testCase.prior.quantile)
      XCTAssertTrue(zip(values, values.dropFirst()).allSatisfy { $0 < $1 }, "\(testCase.prior)")
    }
  }

  func testEdgesOfTheUnitInterval() throws {
    let halfNormal = try Prior(.halfNormal(sd: 1))
    XCTAssertEqual(halfNormal.quantile(0), 0)
    XCTAssertEqual(halfNormal.quantile(1), .infinity)
    let normal = try Prior(.normal(mean: 0, sd: 1))
    XCTAssertEqual(normal.quantile(0), -.infinity)
    let truncated = try Prior(.truncatedNormal(mean: 0, sd: 1, lower: -1, upper: 2))
    XCTAssertEqual(truncated.quantile(0), -1)
    XCTAssertEqual(truncated.quantile(1), 2)
    XCTAssertTrue(normal.quantile(-0.1).isNaN)
    XCTAssertTrue(normal.quantile(1.5).isNaN)
    XCTAssertTrue(normal.quantile(.nan).isNaN)
  }

  func testHalfNormalMedianIsTheThreeQuarterNormalQuantile() throws {
    // P(|Z| ≤ q) = 1/2  ⇔  q = Φ⁻¹(3/4) = 0.674489750196081743...
    XCTAssertEqual(
      try Prior(.halfNormal(sd: 2)).quantile(0.5), 2 * 0.674_489_750_196_081_743,
      accuracy: 1e-14)
  }
}
