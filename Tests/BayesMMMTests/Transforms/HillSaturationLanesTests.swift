import XCTest

@testable import BayesMMM

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lane form of Hill's value and derivatives against the scalar form, over adstock
/// values from 1e-300 to 1e6 and the shapes and half-saturations the priors allow.
final class HillSaturationLanesTests: XCTestCase {
  private typealias Lanes = LaneMath.Lanes

  func testLanesAgreeWithTheScalarFormToAFewUlp() {
    let adstocks = (0..<96).map { pow(10, -300 + 306 * Double($0) / 95) } + [0.3, 0.6, 1, 2.5]
    for (k, n) in [(0.6, 1.4), (0.05, 0.3), (2.0, 3.5), (1.0, 8.0)] {
      for start in stride(from: 0, to: adstocks.count, by: Lanes.scalarCount) {
        var a = Lanes(repeating: 1)
        for lane in 0..<Lanes.scalarCount {
          a[lane] = adstocks[min(start + lane, adstocks.count - 1)]
        }
        let lanes = HillSaturation.valueAndDerivatives(
          a, logHalfSaturation: log(k), negativeShapeOverK: -n / k, shape: n)
        for lane in 0..<Lanes.scalarCount {
          let scalar = HillSaturation.valueAndDerivatives(
            a[lane], logHalfSaturation: log(k), halfSaturation: k, shape: n)
          let context = "a \(a[lane]), K \(k), n \(n)"
          // e^-|u| carries the rounding of u = n (log a - log K), |u| ulp relative; dShape's
          // factor log a - log K may cancel, so it is compared on the scale of its terms.
          let logRatio = log(a[lane]) - log(k)
          let conditioning = max(1, abs(n * logRatio))
          let slope = scalar.dHalfSaturation * -k / n
          for (fast, slow) in [
            (lanes.value[lane], scalar.value), (lanes.dAdstock[lane], scalar.dAdstock),
            (lanes.dHalfSaturation[lane], scalar.dHalfSaturation),
          ] {
            XCTAssertEqual(fast, slow, accuracy: 1e-14 * conditioning * abs(slow) + 1e-300, context)
          }
          XCTAssertEqual(
            lanes.dShape[lane], scalar.dShape,
            accuracy: 1e-14 * conditioning * abs(slope) * (abs(log(a[lane])) + abs(log(k)))
              + 1e-300,
            context)
        }
      }
    }
  }

  func testZeroAndSubnormalAdstockGiveZeros() {
    var a = Lanes(repeating: 0)
    a[1] = 1e-310
    a[2] = -0.0
    let lanes = HillSaturation.valueAndDerivatives(
      a, logHalfSaturation: 0, negativeShapeOverK: -0.5, shape: 0.5)
    for lane in 0..<3 {
      XCTAssertEqual(lanes.value[lane], 0)
      XCTAssertEqual(lanes.dAdstock[lane], 0)
      XCTAssertEqual(lanes.dHalfSaturation[lane], 0)
      XCTAssertEqual(lanes.dShape[lane], 0)
    }
  }
}
