import XCTest

@testable import BayesMMM

/// Delayed adstock (Jin et al. 2017): its definition, its limits and its sensitivities.
final class DelayedAdstockTests: XCTestCase {
  private struct Result {
    var adstock: [Double]
    var byDecay: [Double]
    var byDelay: [Double]
  }

  private func withSensitivities(
    _ spend: [Double], decay: Double, delay: Double, window: Int
  ) -> Result {
    let count = spend.count
    var result = Result(
      adstock: .init(repeating: 0, count: count), byDecay: .init(repeating: 0, count: count),
      byDelay: .init(repeating: 0, count: count))
    var scratch = [Double](repeating: 0, count: DelayedAdstock.scratchCount(window: window))
    spend.withUnsafeBufferPointer { x in
      result.adstock.withUnsafeMutableBufferPointer { a in
        result.byDecay.withUnsafeMutableBufferPointer { d in
          result.byDelay.withUnsafeMutableBufferPointer { e in
            scratch.withUnsafeMutableBufferPointer { s in
              DelayedAdstock.apply(
                spend: x, decay: decay, peakDelay: delay, window: window, adstock: a,
                decaySensitivity: d, delaySensitivity: e, scratch: s)
            }
          }
        }
      }
    }
    return result
  }

  private func adstock(_ spend: [Double], decay: Double, delay: Double, window: Int) -> [Double] {
    var out = [Double](repeating: 0, count: spend.count)
    let kernel = DelayedAdstock.Kernel(decay: decay, peakDelay: delay, window: window)
    spend.withUnsafeBufferPointer { x in
      out.withUnsafeMutableBufferPointer {
        DelayedAdstock.apply(spend: x, kernel: kernel, adstock: $0)
      }
    }
    return out
  }

  private let spend = [1.0, 0, 0, 2, 0.5, 0, 0, 0, 3, 1, 0, 0, 4, 0, 0, 0, 0, 0, 1.5, 2]

  func testAdstockEqualsTheNormalisedWeightedSumOfJinEtAl() {
    let (alpha, theta, window) = (0.6, 2.3, 8)
    let weights = (0..<window).map { pow(alpha, (Double($0) - theta) * (Double($0) - theta)) }
    let total = weights.reduce(0, +)
    let a = adstock(spend, decay: alpha, delay: theta, window: window)
    for t in spend.indices {
      var expected = 0.0
      for l in 0...min(t, window - 1) { expected += weights[l] / total * spend[t - l] }
      XCTAssertEqual(a[t], expected, accuracy: 1e-14)
    }
  }

  func testConstantSpendReachesTheSpendOnceTheWindowIsFull() {
    let constant = [Double](repeating: 2.5, count: 12)
    let a = adstock(constant, decay: 0.4, delay: 3, window: 8)
    for t in 7..<12 { XCTAssertEqual(a[t], 2.5, accuracy: 1e-14) }
    XCTAssertLessThan(a[6], 2.5)
  }

  func testThePeakOfASinglePulseIsThetaWeeksLater() {
    var pulse = [Double](repeating: 0, count: 12)
    pulse[1] = 1
    let a = adstock(pulse, decay: 0.3, delay: 4, window: 8)
    XCTAssertEqual(a.firstIndex(of: a.max() ?? 0), 5)
    XCTAssertEqual(a[0], 0)
  }

  func testTinyDecayAtZeroDelayIsTheIdentity() {
    let a = adstock(spend, decay: 1e-12, delay: 0, window: 8)
    for t in spend.indices { XCTAssertEqual(a[t], spend[t], accuracy: 1e-10) }
  }

  func testKernelAndSensitivityPassGiveTheSameAdstockBitForBit() {
    let plain = adstock(spend, decay: 0.7, delay: 1.6, window: 6)
    let full = withSensitivities(spend, decay: 0.7, delay: 1.6, window: 6)
    XCTAssertEqual(plain, full.adstock)
  }

  func testSensitivitiesMatchCentralFiniteDifferences() {
    let h = 1e-6
    for (alpha, theta, window) in [(0.6, 2.3, 8), (0.15, 0.2, 5), (0.95, 6.5, 8), (0.5, 0, 1)] {
      let full = withSensitivities(spend, decay: alpha, delay: theta, window: window)
      let decayUp = adstock(spend, decay: alpha + h, delay: theta, window: window)
      let decayDown = adstock(spend, decay: alpha - h, delay: theta, window: window)
      let delayUp = adstock(spend, decay: alpha, delay: theta + h, window: window)
      let delayDown = adstock(spend, decay: alpha, delay: theta - h, window: window)
      for t in spend.indices {
        let numericDecay = (decayUp[t] - decayDown[t]) / (2 * h)
        let numericDelay = (delayUp[t] - delayDown[t]) / (2 * h)
        XCTAssertEqual(full.byDecay[t], numericDecay, accuracy: 1e-7 * max(1, abs(numericDecay)))
        XCTAssertEqual(full.byDelay[t], numericDelay, accuracy: 1e-7 * max(1, abs(numericDelay)))
      }
    }
  }

  func testTheTransformReadsDecayDelayHalfSaturationShapeInThatOrder() {
    let transform = MediaTransform(adstock: .delayed, window: 8)
    XCTAssertEqual(transform.parameters, [.decay, .peakDelay, .halfSaturation, .shape])
    let h = transform.prepared([0.6, 2.3, 0.8, 1.5]).signal(spend)
    let a = adstock(spend, decay: 0.6, delay: 2.3, window: 8)
    for t in spend.indices {
      let expected = a[t] > 0 ? pow(a[t], 1.5) / (pow(a[t], 1.5) + pow(0.8, 1.5)) : 0
      XCTAssertEqual(h[t], expected, accuracy: 1e-14)
    }
  }
}
