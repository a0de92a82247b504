import CGSL
import XCTest

@testable import BayesMMM

/// `StudentTLogCDF` against GSL's Student-t CDF, on both sides of its switch between the
/// series and the closed form, deep in the lower tail and in the upper half.
final class StudentTLogCDFTests: XCTestCase {
  /// z from -10^4 to 50: log-spaced in the lower tail, a fine grid around the switch at
  /// |z| = sqrt(nu) and zero, and the upper half.
  private let points: [Double] =
    (0...80).map { -pow(10, 4 - Double($0) / 20) }
    + stride(from: -4, through: 50, by: 0.0625).map { $0 }

  func testMatchesGSLForIntegerDegreesOfFreedom() {
    for nu in 1...10 {
      let cdf = StudentTLogCDF(nu: Double(nu))
      var worst = 0.0
      for z in points {
        let expected = log(gsl_cdf_tdist_P(z, Double(nu)))
        let error = abs(cdf(z) - expected)
        worst = max(worst, error)
        XCTAssertLessThanOrEqual(error, 1e-13, "nu \(nu), z \(z): \(cdf(z)) vs GSL \(expected)")
      }
      print("StudentTLogCDF nu \(nu): max |log F - log F_GSL| \(worst)")
    }
  }

  func testOtherDegreesOfFreedomAreGSLItself() {
    for nu in [1.5, 11, 30] {
      let cdf = StudentTLogCDF(nu: nu)
      for z in [-300.0, -2, 0.5, 7] {
        XCTAssertEqual(cdf(z), log(gsl_cdf_tdist_P(z, nu)))
      }
    }
  }

  func testIsHalfAtZeroAndFiniteFarOut() {
    XCTAssertEqual(StudentTLogCDF(nu: 5)(0), log(0.5), accuracy: 1e-15)
    XCTAssertTrue(
      StudentTLogCDF(nu: 5)(-1e200).isFinite || StudentTLogCDF(nu: 5)(-1e200) == -.infinity)
    XCTAssertEqual(StudentTLogCDF(nu: 5)(1e6), 0, accuracy: 1e-15)
  }
}
