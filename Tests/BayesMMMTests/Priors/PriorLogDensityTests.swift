import XCTest

@testable import BayesMMM

final class PriorLogDensityTests: XCTestCase {
  func testLogDensityMatchesGSLDensityToOneInTenTwelve() {
    for testCase in PriorTestCases.all {
      for x in testCase.points {
        let reference = testCase.referenceDensity(x)
        let density = exp(testCase.prior.logDensity(at: x))
        XCTAssertEqual(
          density, reference, accuracy: 1e-12 * reference, "\(testCase.prior) at x = \(x)")
      }
    }
  }

  func testDerivativeMatchesCentralFiniteDifferences() {
    for testCase in PriorTestCases.all {
      for x in testCase.points {
        let prior = testCase.prior
        // Step 1e-6 relative to x (1e-8 near 0), so that x ± h stays inside the support.
        let step = 1e-6 * max(abs(x), 0.01)
        let numeric = PriorTestCases.centralDifference(prior.logDensity(at:), at: x, step: step)
        let analytic = prior.logDensityWithDerivative(at: x).derivative
        XCTAssertEqual(
          analytic, numeric, accuracy: 1e-6 * abs(analytic), "\(prior) at x = \(x)")
      }
    }
  }

  func testBothEntryPointsAgree() {
    for testCase in PriorTestCases.all {
      for x in testCase.points {
        XCTAssertEqual(
          testCase.prior.logDensity(at: x),
          testCase.prior.logDensityWithDerivative(at: x).logDensity)
      }
    }
  }

  func testOutsideTheOpenSupportIsMinusInfinityWithZeroDerivative() throws {
    let cases: [(PriorFamily, [Double])] = [
      (.normal(mean: 0, sd: 1), [.nan, .infinity, -.infinity]),
      (.halfNormal(sd: 1), [0, -1, .infinity, .nan]),
      (.logNormal(mu: 0, sigma: 1), [0, -0.5]),
      (.gamma(shape: 0.5, rate: 1), [0, -2]),
      (.beta(alpha: 0.5, beta: 0.5), [0, 1, 1.5, -0.1]),
      (.exponential(rate: 1), [0, -1e-300]),
      (.studentT(nu: 3, location: 0, scale: 1), [.infinity, .nan]),
      (.halfStudentT(nu: 3, scale: 1), [0, -3]),
      (.truncatedNormal(mean: 0, sd: 1, lower: -1, upper: 2), [-1, 2, -1.5, 3]),
      (.truncatedNormal(mean: 0, sd: 1, lower: 0.5, upper: .infinity), [0.5, 0, .infinity]),
    ]
    for (family, points) in cases {
      let prior = try Prior(family)
      for x in points {
        let result = prior.logDensityWithDerivative(at: x)
        XCTAssertEqual(result.logDensity, -.infinity, "\(prior) at \(x)")
        XCTAssertEqual(result.derivative, 0, "\(prior) at \(x)")
      }
    }
  }

  func testStudentTStaysFiniteWhenTheSquareOverflows() throws {
    let prior = try Prior(.studentT(nu: 3, location: 0, scale: 1))
    for x in [1e160, -1e200, 1e300] {
      let result = prior.logDensityWithDerivative(at: x)
      // log p ≈ log C − (ν + 1)/2 · (2 log|x| − log ν).
      let expected = prior.logNormalizer - 2 * (2 * log(abs(x)) - log(3.0))
      XCTAssertEqual(result.logDensity, expected, accuracy: 1e-12 * abs(expected))
      XCTAssertEqual(result.derivative, -4 / x, accuracy: 1e-12 * abs(4 / x))
    }
  }

  func testSupportFollowsTheFamily() throws {
    let expectations: [(PriorFamily, ParameterSupport)] = [
      (.normal(mean: 0, sd: 1), .real),
      (.halfNormal(sd: 1), .positive),
      (.logNormal(mu: 0, sigma: 1), .positive),
      (.gamma(shape: 2, rate: 1), .positive),
      (.beta(alpha: 2, beta: 2), .unitInterval),
      (.exponential(rate: 1), .positive),
      (.studentT(nu: 3, location: 0, scale: 1), .real),
      (.halfStudentT(nu: 3, scale: 1), .positive),
      (.truncatedNormal(mean: 0, sd: 1, lower: 0, upper: 1), .interval(0, 1)),
      (.truncatedNormal(mean: 0, sd: 1, lower: -2, upper: .infinity), .lowerBounded(-2)),
      (.truncatedNormal(mean: 0, sd: 1, lower: -.infinity, upper: 3), .upperBounded(3)),
    ]
    for (family, support) in expectations {
      XCTAssertEqual(try Prior(family).support, support, "\(family)")
    }
  }

  func testEqualityAndDescription() throws {
    XCTAssertEqual(try Prior(.gamma(shape: 2, rate: 1)), try Prior(.gamma(shape: 2, rate: 1)))
    XCTAssertNotEqual(try Prior(.gamma(shape: 2, rate: 1)), try Prior(.gamma(shape: 2, rate: 2)))
    XCTAssertEqual(
      try Prior(.truncatedNormal(mean: 0, sd: 1, lower: 0, upper: .infinity)).description,
      #"{"family": "truncated_normal", "mean": 0, "sd": 1, "lower": 0}"#)
  }
}
