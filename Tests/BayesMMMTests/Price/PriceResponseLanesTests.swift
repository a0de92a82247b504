import XCTest

@testable import BayesMMM

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lane form of `linear_demand` against the scalar one the rest of the code uses, on
/// both sides of the choke price and of the k z = -30 branch.
final class PriceResponseLanesTests: XCTestCase {
  func testLinearDemandLanesAgreeWithTheScalarForm() {
    let response = PriceResponse(form: .linearDemand, logPrices: [])
    let logPrices = stride(from: -0.8, through: 1.5, by: 0.01).map { $0 }
    for margin in [0.02, 0.2, 0.6, 1.5, 5] {
      var theta = [margin]
      var gradient = [0.0]
      for start in stride(from: 0, to: logPrices.count, by: LaneMath.Lanes.scalarCount) {
        var x = LaneMath.Lanes(repeating: 0)
        for lane in 0..<LaneMath.Lanes.scalarCount {
          x[lane] = logPrices[min(start + lane, logPrices.count - 1)]
        }
        var change = x
        for lane in 0..<LaneMath.Lanes.scalarCount { change[lane] = expm1(x[lane]) }
        let lanes = PriceResponse.linearDemand(
          logPrice: x, priceChange: change, inverseMargin: 1 / margin,
          logSharpness: log(PriceResponse.chokeSharpness))
        for lane in 0..<LaneMath.Lanes.scalarCount {
          let value = theta.withUnsafeMutableBufferPointer { t in
            gradient.withUnsafeMutableBufferPointer {
              response.logRevenue(
                at: x[lane], UnsafePointer(t.baseAddress!), gradient: $0.baseAddress)
            }
          }
          let context = "margin \(margin), x \(x[lane])"
          XCTAssertEqual(lanes.value[lane], value, accuracy: 1e-14 * max(1, abs(value)), context)
          XCTAssertEqual(
            lanes.dMargin[lane], gradient[0], accuracy: 1e-13 * max(1, abs(gradient[0])), context)
        }
      }
    }
  }
}
