import XCTest

@testable import BayesMMM

final class PriorShiftTests: XCTestCase {
  func testAnalyticPriorSDWhereItExistsAndDrawsWhereItDoesNot() throws {
    let priors = try [
      Prior(.normal(mean: 0, sd: 2)), Prior(.beta(alpha: 2, beta: 3)),
      Prior(.studentT(nu: 2, location: 0, scale: 1)),
      Prior(.halfStudentT(nu: 1.5, scale: 0.5)),
    ]
    let shifts = PriorShift.table(
      names: ["a", "b", "c", "d"], priors: priors, posteriorSD: [0.5, 0.1, 0.3, 0.2], seed: 9)
    XCTAssertEqual(shifts.map(\.name), ["a", "b", "c", "d"])
    XCTAssertEqual(shifts.map(\.priorSDSource), [.analytic, .analytic, .draws, .draws])
    XCTAssertEqual(shifts[0].priorSD, 2)
    XCTAssertEqual(shifts[0].ratio, 0.25)
    XCTAssertEqual(shifts[1].priorSD, 0.2, accuracy: 1e-15)
    for shift in shifts[2...] {
      XCTAssertTrue(shift.priorSD.isFinite && shift.priorSD > 0)
      XCTAssertEqual(shift.ratio, shift.posteriorSD / shift.priorSD)
    }
    let again = PriorShift.table(
      names: ["a", "b", "c", "d"], priors: priors, posteriorSD: [0.5, 0.1, 0.3, 0.2], seed: 9)
    XCTAssertEqual(again, shifts, "the sampled prior sd is reproducible from the seed")
  }

  /// With nu = 2 the variance is infinite, but the sd of 20,000 draws is a finite number
  /// of the order of the scale; check it is at least the interquartile scale.
  func testSampledSDIsOfTheOrderOfTheScale() throws {
    let prior = try Prior(.studentT(nu: 2, location: 3, scale: 0.5))
    let shift = PriorShift.table(names: ["x"], priors: [prior], posteriorSD: [1], seed: 1)[0]
    XCTAssertGreaterThan(shift.priorSD, 0.5)
    XCTAssertLessThan(shift.priorSD, 50)
  }
}
