import CGSL
import XCTest

@testable import BayesMMM

final class StudentTTermsTests: XCTestCase {
  private let cases: [(y: Double, mu: Double, sigma: Double)] = [
    (0.3, -0.2, 0.7), (-4, 1, 1.3), (10, 0, 0.5), (-0.01, 0, 2),
  ]

  func testDensityMatchesGSL() {
    for nu in [1.5, 5, 30] {
      let terms = StudentTTerms(nu: nu)
      for c in cases {
        let expected = log(gsl_ran_tdist_pdf((c.y - c.mu) / c.sigma, nu) / c.sigma)
        XCTAssertEqual(terms.density(c.y, mu: c.mu, sigma: c.sigma).0, expected, accuracy: 1e-12)
      }
    }
  }

  func testCensoredTermIsTheLogCDFAtTheFloor() {
    let terms = StudentTTerms(nu: 5)
    for c in cases {
      let expected = log(gsl_cdf_tdist_P((c.y - c.mu) / c.sigma, 5))
      XCTAssertEqual(terms.censoredBelow(c.y, mu: c.mu, sigma: c.sigma).0, expected, accuracy: 1e-12)
    }
  }

  func testDerivativesMatchFiniteDifferences() {
    let terms = StudentTTerms(nu: 5)
    let h = 1e-6
    for c in cases {
      for f in [terms.density, terms.censoredBelow] {
        let value = f(c.y, c.mu, c.sigma)
        let dMu = (f(c.y, c.mu + h, c.sigma).0 - f(c.y, c.mu - h, c.sigma).0) / (2 * h)
        let dSigma = (f(c.y, c.mu, c.sigma + h).0 - f(c.y, c.mu, c.sigma - h).0) / (2 * h)
        XCTAssertEqual(value.1, dMu, accuracy: 1e-7 * max(1, abs(dMu)))
        XCTAssertEqual(value.2, dSigma, accuracy: 1e-7 * max(1, abs(dSigma)))
      }
    }
  }

  func testCensoredTermStaysFiniteDeepInTheLowerTail() {
    let value = StudentTTerms(nu: 5).censoredBelow(-1e4, mu: 0, sigma: 1)
    XCTAssertTrue(value.0.isFinite && value.1.isFinite && value.2.isFinite)
    XCTAssertLessThan(value.0, -40)
  }
}
