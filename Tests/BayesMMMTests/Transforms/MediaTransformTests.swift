import XCTest

@testable import BayesMMM

final class MediaTransformTests: XCTestCase {
  private func adstock(_ spend: [Double], _ decay: Double) -> ([Double], [Double]) {
    var a = [Double](repeating: 0, count: spend.count)
    var s = a
    spend.withUnsafeBufferPointer { x in
      a.withUnsafeMutableBufferPointer { out in
        s.withUnsafeMutableBufferPointer { sens in
          GeometricAdstock.apply(spend: x, decay: decay, adstock: out, decaySensitivity: sens)
        }
      }
    }
    return (a, s)
  }

  func testAdstockEqualsTheExplicitWeightedSum() {
    let spend = [1.0, 0, 0, 2, 0.5, 0, 0, 0, 3, 1]
    let decay = 0.6
    let (a, _) = adstock(spend, decay)
    for t in spend.indices {
      var expected = 0.0
      for k in 0...t { expected += (1 - decay) * pow(decay, Double(k)) * spend[t - k] }
      XCTAssertEqual(a[t], expected, accuracy: 1e-14)
    }
  }

  func testAdstockOfConstantSpendConvergesToTheSpend() {
    let (a, _) = adstock([Double](repeating: 2.5, count: 400), 0.9)
    XCTAssertEqual(a.last ?? 0, 2.5, accuracy: 1e-12)
  }

  func testAdstockDecaySensitivityMatchesFiniteDifferences() {
    let spend = [0.0, 0, 1.2, 0.8, 0, 0, 0, 0, 2, 0, 0, 0.3]
    for decay in [0.05, 0.3, 0.7, 0.97] {
      let (_, sensitivity) = adstock(spend, decay)
      let h = 1e-6
      let (up, _) = adstock(spend, decay + h)
      let (down, _) = adstock(spend, decay - h)
      for t in spend.indices {
        XCTAssertEqual(sensitivity[t], (up[t] - down[t]) / (2 * h), accuracy: 1e-8)
      }
    }
  }

  func testHillIsZeroWithZeroDerivativesAtZeroAdstock() {
    let r = HillSaturation.valueAndDerivatives(0, logHalfSaturation: log(0.5), halfSaturation: 0.5, shape: 0.7)
    XCTAssertEqual(r.value, 0)
    XCTAssertEqual(r.dAdstock, 0)
    XCTAssertEqual(r.dHalfSaturation, 0)
    XCTAssertEqual(r.dShape, 0)
  }

  func testHillMatchesTheRationalFormAndIsHalfAtK() {
    for (a, k, n) in [(0.3, 0.6, 1.4), (2.0, 0.5, 0.8), (1e-8, 1.0, 2.0), (50.0, 0.2, 3.0)] {
      let value = HillSaturation.value(a, halfSaturation: k, shape: n)
      XCTAssertEqual(value, pow(a, n) / (pow(a, n) + pow(k, n)), accuracy: 1e-14)
    }
    XCTAssertEqual(HillSaturation.value(0.7, halfSaturation: 0.7, shape: 2.3), 0.5, accuracy: 1e-15)
  }

  func testHillDerivativesMatchFiniteDifferences() {
    for (a, k, n) in [(0.3, 0.6, 1.4), (2.0, 0.5, 0.8), (0.01, 1.0, 2.0), (5.0, 0.2, 3.0)] {
      let r = HillSaturation.valueAndDerivatives(a, logHalfSaturation: log(k), halfSaturation: k, shape: n)
      let h = 1e-7
      func f(_ a: Double, _ k: Double, _ n: Double) -> Double {
        HillSaturation.value(a, halfSaturation: k, shape: n)
      }
      XCTAssertEqual(r.dAdstock, (f(a + h, k, n) - f(a - h, k, n)) / (2 * h), accuracy: 1e-6)
      XCTAssertEqual(r.dHalfSaturation, (f(a, k + h, n) - f(a, k - h, n)) / (2 * h), accuracy: 1e-6)
      XCTAssertEqual(r.dShape, (f(a, k, n + h) - f(a, k, n - h)) / (2 * h), accuracy: 1e-6)
    }
  }

  func testHillStaysFiniteForExtremeInputs() {
    for a in [1e-300, 1e-30, 1e30, 1e300] {
      let r = HillSaturation.valueAndDerivatives(a, logHalfSaturation: 0, halfSaturation: 1, shape: 5)
      XCTAssertTrue(r.value.isFinite && r.dAdstock.isFinite && r.dShape.isFinite)
    }
  }
}
