import XCTest

@testable import BayesMMM

final class ParameterSupportTests: XCTestCase {
  /// Each support with interior points spread over it, including points near the bounds.
  private let cases: [(ParameterSupport, [Double])] = [
    (.real, [-1e6, -3.2, 0, 0.7, 42]),
    (.positive, [1e-300, 1e-8, 0.3, 1, 17, 1e200]),
    (.unitInterval, [1e-12, 0.01, 0.3, 0.5, 0.9, 0.999_999]),
    (.lowerBounded(-2), [-1.999_999, -1, 0, 5, 1e10]),
    (.upperBounded(3), [-1e10, -4, 0, 2.9, 2.999_999]),
    (.interval(-1, 4), [-0.999_999, -0.5, 1.5, 3.7, 3.999_999]),
  ]

  /// A narrow interval far from 0: its values carry only ~1e-17 absolute precision, too
  /// little for finite differences, so it is checked for round trips and stability only.
  private let narrow: (ParameterSupport, [Double]) = (
    .interval(0.2, 0.200_01), [0.200_000_1, 0.200_005, 0.200_009_9]
  )

  private let unconstrainedPoints: [Double] = [-7, -2.5, -0.3, 0.1, 1.7, 6]

  /// exp(log x) carries a relative error of about |log x| ε, and bounds add their own
  /// rounding: the tolerance is 2ε max(1, |u|) times the largest magnitude involved.
  func testConstrainInvertsUnconstrain() {
    for (support, points) in cases + [narrow] {
      for x in points {
        let u = support.unconstrain(x)
        XCTAssertTrue(u.isFinite, "\(support) at \(x)")
        let bounds = [support.lowerBound, support.upperBound].filter(\.isFinite).map(abs)
        let magnitude = ([abs(x)] + bounds).max() ?? abs(x)
        XCTAssertEqual(
          support.constrain(u), x,
          accuracy: 2 * Double.ulpOfOne * max(1, abs(u)) * magnitude, "\(support) at \(x)")
        XCTAssertTrue(support.contains(x))
      }
    }
  }

  func testUnconstrainInvertsConstrain() {
    for (support, _) in cases {
      for u in unconstrainedPoints {
        let roundTrip = support.unconstrain(support.constrain(u))
        XCTAssertEqual(roundTrip, u, accuracy: 1e-9 * max(1, abs(u)), "\(support) at \(u)")
      }
    }
  }

  func testDerivativesMatchCentralFiniteDifferences() {
    let step = 1e-6
    for (support, _) in cases {
      for u in unconstrainedPoints {
        let result = support.constrainWithJacobian(u)
        XCTAssertEqual(result.value, support.constrain(u))

        let slope = centralDifference(support.constrain, at: u, step: step)
        XCTAssertEqual(
          result.derivative, slope, accuracy: 1e-6 * abs(result.derivative),
          "dx/du, \(support) at \(u)")

        XCTAssertEqual(
          result.logJacobian, log(abs(slope)), accuracy: 1e-6 * max(1, abs(result.logJacobian)),
          "log|dx/du|, \(support) at \(u)")

        let logJacobianSlope = centralDifference(
          { support.constrainWithJacobian($0).logJacobian }, at: u, step: step)
        XCTAssertEqual(
          result.logJacobianDerivative, logJacobianSlope,
          accuracy: 1e-6 * max(abs(result.logJacobianDerivative), 1e-2),
          "d log|dx/du| / du, \(support) at \(u)")
      }
    }
  }

  func testStableAtExtremeUnconstrainedValues() {
    for (support, _) in cases + [narrow] {
      for u in [-700.0, -50, 50, 700] {
        let result = support.constrainWithJacobian(u)
        XCTAssertTrue(result.value.isFinite, "\(support) at \(u)")
        XCTAssertTrue(result.derivative.isFinite, "\(support) at \(u)")
        XCTAssertTrue(result.logJacobian.isFinite, "\(support) at \(u)")
        XCTAssertTrue(result.logJacobianDerivative.isFinite, "\(support) at \(u)")
        XCTAssertGreaterThanOrEqual(result.value, support.lowerBound)
        XCTAssertLessThanOrEqual(result.value, support.upperBound)
      }
    }
  }

  func testLogJacobianClosedFormsInTheTails() {
    // log σ(u)σ(−u) = −|u| − 2 log1p(e^−|u|): exactly −|u| once e^−|u| is below ε.
    XCTAssertEqual(ParameterSupport.unitInterval.constrainWithJacobian(700).logJacobian, -700)
    XCTAssertEqual(ParameterSupport.unitInterval.constrainWithJacobian(-700).logJacobian, -700)
    XCTAssertEqual(ParameterSupport.unitInterval.constrainWithJacobian(-50).value, exp(-50))
    XCTAssertEqual(
      ParameterSupport.unitInterval.constrainWithJacobian(700).logJacobianDerivative, -1)
    let interval = ParameterSupport.interval(-1, 4).constrainWithJacobian(-700)
    XCTAssertEqual(interval.logJacobian, log(5.0) - 700, accuracy: 1e-12)
    XCTAssertEqual(ParameterSupport.positive.constrainWithJacobian(-700).logJacobian, -700)
    XCTAssertEqual(ParameterSupport.upperBounded(3).constrainWithJacobian(2).derivative, -exp(2))
  }

  func testIntervalKeepsAccuracyNearTheUpperBound() {
    // 0 − 1 · σ(−40) ≈ −4.2e-18; forming −1 + σ(40) instead would round to 0.
    let value = ParameterSupport.interval(-1, 0).constrain(40)
    let tail = exp(-40.0)
    let expected = -tail / (1 + tail)
    XCTAssertEqual(value, expected, accuracy: 1e-15 * abs(expected))
  }

  func testContainsExcludesBoundsAndNonFiniteValues() {
    XCTAssertFalse(ParameterSupport.real.contains(.nan))
    XCTAssertFalse(ParameterSupport.real.contains(.infinity))
    XCTAssertFalse(ParameterSupport.positive.contains(0))
    XCTAssertFalse(ParameterSupport.positive.contains(.infinity))
    XCTAssertFalse(ParameterSupport.unitInterval.contains(1))
    XCTAssertFalse(ParameterSupport.lowerBounded(-2).contains(-2))
    XCTAssertFalse(ParameterSupport.upperBounded(3).contains(3))
    XCTAssertFalse(ParameterSupport.interval(-1, 4).contains(-1))
    XCTAssertFalse(ParameterSupport.interval(-1, 4).contains(.nan))
    XCTAssertTrue(ParameterSupport.interval(-1, 4).contains(3.999_999_999))
  }

  func testUnconstrainAtAndBeyondTheBounds() {
    XCTAssertEqual(ParameterSupport.positive.unconstrain(0), -.infinity)
    XCTAssertEqual(ParameterSupport.unitInterval.unconstrain(1), .infinity)
    XCTAssertTrue(ParameterSupport.positive.unconstrain(-1).isNaN)
    XCTAssertTrue(ParameterSupport.interval(-1, 4).unconstrain(5).isNaN)
  }

  func testDescription() {
    XCTAssertEqual(ParameterSupport.real.description, "(-inf, inf)")
    XCTAssertEqual(ParameterSupport.positive.description, "(0, inf)")
    XCTAssertEqual(ParameterSupport.upperBounded(2.5).description, "(-inf, 2.5)")
    XCTAssertEqual(ParameterSupport.interval(0, 1).description, "(0, 1)")
  }

  /// Central finite difference (f(u + h) − f(u − h)) / 2h.
  private func centralDifference(
    _ function: (Double) -> Double, at u: Double, step: Double
  ) -> Double {
    (function(u + step) - function(u - step)) / (2 * step)
  }
}
