import Foundation
import XCTest

@testable import BayesMMM

/// The three price terms g(x; theta) of `PriceResponse`: their definitions, limits and
/// exact derivatives in theta and in x.
final class PriceResponseTests: XCTestCase {
  /// Log prices of a year of weeks, -13% to +14% around the median, as on the bundled file.
  private let logPrices = (0..<104).map { -0.13 + 0.27 * Double($0) / 103 }
  private let grid = stride(from: -0.2, through: 0.3, by: 0.01).map { $0 }

  private func centralDifference(_ f: (Double) -> Double, at x: Double, step: Double = 1e-6)
    -> Double
  {
    (f(x + step) - f(x - step)) / (2 * step)
  }

  private func gradient(_ response: PriceResponse, at x: Double, _ theta: [Double]) -> [Double] {
    var out = [Double](repeating: .nan, count: theta.count)
    _ = theta.withUnsafeBufferPointer { theta in
      out.withUnsafeMutableBufferPointer {
        response.logRevenue(at: x, theta.baseAddress!, gradient: $0.baseAddress!)
      }
    }
    return out
  }

  /// dg/dtheta_j and dg/dx against central differences at every grid point, relative to
  /// max(1, |derivative|).
  private func assertDerivativesMatch(
    _ response: PriceResponse, _ theta: [Double], file: StaticString = #filePath,
    line: UInt = #line
  ) {
    for x in grid {
      let exact = gradient(response, at: x, theta)
      for j in theta.indices {
        let numeric = centralDifference(
          { value in
            var moved = theta
            moved[j] = value
            return response.logRevenue(at: x, moved)
          }, at: theta[j])
        XCTAssertLessThan(
          abs(exact[j] - numeric) / max(1, abs(numeric)), 1e-6, "dg/dtheta_\(j) at \(x)",
          file: file, line: line)
      }
      let slope = centralDifference({ response.logRevenue(at: $0, theta) }, at: x)
      XCTAssertLessThan(
        abs(response.elasticity(at: x, theta) - slope) / max(1, abs(slope)), 1e-6,
        "elasticity at \(x)", file: file, line: line)
    }
  }

  func testConstantElasticityIsLinearInLogPrice() {
    let response = PriceResponse(form: .constantElasticity, logPrices: logPrices)
    XCTAssertEqual(response.parameterCount, 1)
    XCTAssertEqual(response.logRevenue(at: 0.1, [-1.5]), -0.15, accuracy: 1e-15)
    XCTAssertEqual(response.elasticity(at: 0.1, [-1.5]), -1.5)
    assertDerivativesMatch(response, [-1.5])
  }

  func testLinearDemandIsPriceTimesALinearDemandBelowTheChoke() {
    let response = PriceResponse(form: .linearDemand, logPrices: logPrices)
    let c = 0.25
    // Exact where demand is well above 0 (k z > 30: the smooth max equals z to 1e-13).
    for x in grid where 1 - expm1(x) / c > 0.6 {
      let exact = x + log(1 - expm1(x) / c)
      XCTAssertEqual(response.logRevenue(at: x, [c]), exact, accuracy: 1e-12, "x \(x)")
    }
    // At the median price: revenue elasticity 1 - 1 / c = -3.
    XCTAssertEqual(response.elasticity(at: 0, [c]), -3, accuracy: 1e-12)
    assertDerivativesMatch(response, [c])
    assertDerivativesMatch(response, [0.08])
  }

  func testLinearDemandFallsSteeplyButFinitelyPastTheChoke() {
    let response = PriceResponse(form: .linearDemand, logPrices: logPrices)
    let c = 0.1
    let atChoke = response.logRevenue(at: log1p(c), [c])
    // m(0) = log(2) / k: the smoothing's largest gap to max(z, 0).
    XCTAssertEqual(
      atChoke, log1p(c) + log(log(2) / PriceResponse.chokeSharpness), accuracy: 1e-12)
    let past = [0.12, 0.2, 0.5, 2.0].map { response.logRevenue(at: $0, [c]) }
    XCTAssertTrue(past.allSatisfy(\.isFinite))
    XCTAssertEqual(past, past.sorted(by: >), "revenue keeps falling past the choke")
    // Far past it, log m(z) = k z - log k: slope k e^x / c in x, with no NaN.
    let far = response.elasticity(at: 2.0, [c])
    XCTAssertEqual(far, 1 - PriceResponse.chokeSharpness * exp(2.0) / c, accuracy: 1e-9)
    XCTAssertTrue(gradient(response, at: 2.0, [c]).allSatisfy(\.isFinite))
  }

  func testSplineKnotsAreQuantilesOfTheFittedLogPrices() {
    let response = PriceResponse(form: .monotoneSpline, logPrices: logPrices, knotCount: 3)
    XCTAssertEqual(response.parameterCount, 4)
    let sorted = logPrices.sorted()
    for (k, knot) in response.knots.enumerated() {
      XCTAssertEqual(
        knot, Diagnostics.quantile(sorted: sorted, probability: Double(k + 1) / 4),
        accuracy: 1e-15)
    }
    XCTAssertEqual(
      PriceResponse(form: .linearDemand, logPrices: logPrices, knotCount: 3).knots, [])
  }

  func testSplineDemandFallsAndGetsMoreElasticAsPriceRises() {
    let response = PriceResponse(form: .monotoneSpline, logPrices: logPrices)
    let theta = [0.5, 3, 0, 10, 40]
    let demand = grid.map { response.logRevenue(at: $0, theta) - $0 }
    XCTAssertEqual(demand, demand.sorted(by: >), "log demand decreases in price")
    let elasticity = grid.map { response.elasticity(at: $0, theta) }
    XCTAssertEqual(elasticity, elasticity.sorted(by: >), "revenue elasticity only falls")
    // Below every knot the hinges are flat: elasticity 1 - b.
    XCTAssertEqual(response.elasticity(at: -0.5, theta), 0.5, accuracy: 1e-9)
    // Far above every knot each hinge has slope 1: elasticity 1 - b - sum w.
    XCTAssertEqual(response.elasticity(at: 0.8, theta), 1 - 0.5 - 53, accuracy: 1e-9)
    assertDerivativesMatch(response, theta)
  }
}
