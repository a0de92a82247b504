import XCTest

@testable import BayesMMM

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// LaneMath's exp, log and log1p against the C library's, lane by lane, on the ranges the
/// log density uses and on the whole finite range, with the edges pinned one by one.
final class LaneMathTests: XCTestCase {
  private typealias Lanes = LaneMath.Lanes
  /// 2 ulp of 1: the stated relative error bound of all three functions.
  private let bound = 2 * Double.ulpOfOne
  private let samples = 200_000

  /// Max relative error |f(x) - reference(x)| / |reference(x)| over `points`, four at a
  /// time, and the point where it occurs.
  private func maxRelativeError(
    _ points: [Double], _ f: (Lanes) -> Lanes, _ reference: (Double) -> Double
  ) -> (error: Double, at: Double) {
    var worst = (error: 0.0, at: Double.nan)
    for start in stride(from: 0, to: points.count - Lanes.scalarCount + 1, by: Lanes.scalarCount) {
      var x = Lanes()
      for lane in 0..<Lanes.scalarCount { x[lane] = points[start + lane] }
      let y = f(x)
      for lane in 0..<Lanes.scalarCount {
        let expected = reference(x[lane])
        let error = expected == 0 ? abs(y[lane]) : abs(y[lane] - expected) / abs(expected)
        if !(error <= worst.error) { worst = (error, x[lane]) }
      }
    }
    return worst
  }

  /// `samples` points uniform in [lower, upper], or log-uniform when `logScale`.
  private func points(_ lower: Double, _ upper: Double, logScale: Bool = false, seed: UInt64)
    -> [Double]
  {
    var generator = SplitMix(state: seed)
    return (0..<samples).map { _ in
      let u = Double(generator.next() >> 11) * 0x1p-53
      return logScale
        ? Glibc.exp(Glibc.log(lower) + u * (Glibc.log(upper) - Glibc.log(lower)))
        : lower + u * (upper - lower)
    }
  }

  private func assertWithinBound(
    _ points: [Double], _ f: (Lanes) -> Lanes, _ reference: (Double) -> Double,
    _ label: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    let worst = maxRelativeError(points, f, reference)
    // The measured figure, for the bound stated in LaneMath's documentation.
    let ulps = worst.error / Double.ulpOfOne
    print("LaneMath \(label): max relative error \(worst.error) (\(ulps) ulp of 1) at \(worst.at)")
    XCTAssertLessThanOrEqual(
      worst.error, bound, "\(label): relative error \(worst.error) at \(worst.at)", file: file,
      line: line)
  }

  func testExpIsWithinTwoUlpOfLibmOnTheDensitysRangeAndTheWholeNormalRange() {
    assertWithinBound(points(-40, 40, seed: 1), LaneMath.exp, Glibc.exp, "exp [-40, 40]")
    assertWithinBound(points(-1, 1, seed: 2), LaneMath.exp, Glibc.exp, "exp [-1, 1]")
    assertWithinBound(
      points(-708.39, 709.78, seed: 3), LaneMath.exp, Glibc.exp, "exp normal range")
    assertWithinBound(
      points(1e-300, 1e-3, logScale: true, seed: 4).map { -$0 }, LaneMath.exp, Glibc.exp,
      "exp near 0")
  }

  func testExpRoundsSubnormalResultsToWithinOneSubnormalStep() {
    for x in points(-745.13, -708.4, seed: 5) {
      let y = LaneMath.exp(Lanes(repeating: x))[0]
      XCTAssertLessThanOrEqual(abs(y - Glibc.exp(x)), Double.leastNonzeroMagnitude, "at \(x)")
    }
  }

  func testLogIsWithinTwoUlpOfLibmOverTheWholePositiveRange() {
    assertWithinBound(
      points(1e-300, 1e300, logScale: true, seed: 6), LaneMath.log, Glibc.log, "log wide")
    assertWithinBound(points(0.5, 2, seed: 7), LaneMath.log, Glibc.log, "log [0.5, 2]")
    assertWithinBound(
      points(1 - 1e-6, 1 + 1e-6, seed: 8), LaneMath.log, Glibc.log, "log near 1")
    assertWithinBound(
      points(Double.leastNonzeroMagnitude, 0x1p-1022, logScale: true, seed: 9), LaneMath.log,
      Glibc.log, "log subnormal")
  }

  func testLog1pIsWithinTwoUlpOfLibmOnTheDensitysRangeAndBeyond() {
    assertWithinBound(points(0, 1, seed: 10), LaneMath.log1p, Glibc.log1p, "log1p [0, 1]")
    assertWithinBound(
      points(1e-300, 1e300, logScale: true, seed: 11), LaneMath.log1p, Glibc.log1p,
      "log1p wide")
    assertWithinBound(
      points(-1 + 1e-15, 0, seed: 12), LaneMath.log1p, Glibc.log1p, "log1p (-1, 0]")
    assertWithinBound(
      points(1e-20, 1e-3, logScale: true, seed: 13).map { -$0 }, LaneMath.log1p, Glibc.log1p,
      "log1p small negative")
  }

  func testEdgesFollowTheCLibrary() {
    let inf = Double.infinity
    let tiny = Double.leastNonzeroMagnitude
    let cases: [(String, (Lanes) -> Lanes, (Double) -> Double, [Double])] = [
      (
        "exp", LaneMath.exp, Glibc.exp,
        [
          0, -0.0, inf, -inf, 709.782712893384, 709.79, 1e300,
          -745.1332191019412, -745.14, -1e300, tiny, -tiny,
        ]
      ),
      (
        "log", LaneMath.log, Glibc.log,
        [
          0, -0.0, inf, -inf, 1, -1, tiny, 0x1p-1022,
          Double.greatestFiniteMagnitude, -tiny,
        ]
      ),
      (
        "log1p", LaneMath.log1p, Glibc.log1p,
        [
          0, -0.0, inf, -inf, -1, -1.5, tiny, -tiny,
          0x1p-60, -0x1p-60, Double.greatestFiniteMagnitude, -1 + 0x1p-53,
        ]
      ),
    ]
    for (name, f, reference, inputs) in cases {
      for x in inputs {
        let y = f(Lanes(repeating: x))[0]
        let expected = reference(x)
        if expected.isNaN {
          XCTAssertTrue(y.isNaN, "\(name)(\(x)) = \(y), libm NaN")
        } else if expected.isInfinite || expected == 0 {
          XCTAssertEqual(
            y.bitPattern, expected.bitPattern, "\(name)(\(x)) = \(y), libm \(expected)")
        } else {
          XCTAssertLessThanOrEqual(abs(y - expected) / abs(expected), bound, "\(name)(\(x))")
        }
      }
      XCTAssertTrue(f(Lanes(repeating: .nan))[0].isNaN, "\(name)(NaN)")
    }
  }

  func testTheDensitysFastVariantsAgreeWithTheGeneralOnesOnTheirDomain() {
    for x in points(0, 1e300, seed: 14) + points(1e-300, 10, logScale: true, seed: 15) + [
      0, .infinity,
    ] {
      let lanes = Lanes(repeating: x)
      XCTAssertEqual(LaneMath.log1pOfNonNegative(lanes)[0], LaneMath.log1p(lanes)[0], "at \(x)")
      if x >= 0x1p-1022 && x.isFinite {
        XCTAssertEqual(LaneMath.logOfPositiveNormal(lanes)[0], LaneMath.log(lanes)[0], "at \(x)")
      }
    }
    XCTAssertTrue(LaneMath.log1pOfNonNegative(Lanes(repeating: .nan))[0].isNaN)
  }

  func testEachLaneDependsOnItsOwnInputOnly() {
    var x = Lanes(repeating: 0.25)
    x[0] = 0.3
    x[1] = -2
    x[2] = 700
    x[3] = 1e-5
    for f in [LaneMath.exp, LaneMath.log1p] {
      let together = f(x)
      for lane in 0..<Lanes.scalarCount {
        XCTAssertEqual(together[lane].bitPattern, f(Lanes(repeating: x[lane]))[lane].bitPattern)
      }
    }
  }
}

/// A small repeatable generator for test points (SplitMix64).
private struct SplitMix {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
