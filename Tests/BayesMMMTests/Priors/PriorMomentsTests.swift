import XCTest

@testable import BayesMMM

final class PriorMomentsTests: XCTestCase {
  /// 200,000 draws per prior: the sample mean and sd must sit within 4 Monte Carlo
  /// standard errors of the analytic values. MCSE(mean) = s/√n; MCSE(sd) ≈
  /// √((m₄ − s⁴)/n) / (2s), with m₄ the sample fourth central moment.
  func testSampleMomentsMatchAnalyticMomentsWithinFourMCSE() {
    let drawCount = 200_000
    for (index, testCase) in PriorTestCases.all.enumerated() where testCase.hasFourMoments {
      let prior = testCase.prior
      guard let mean = prior.mean, let sd = prior.standardDeviation else {
        XCTFail("\(prior): moments should exist")
        continue
      }
      let rng = GSLRandom(runSeed: 20_240_917, stream: UInt64(index))
      let draws = (0..<drawCount).map { _ in prior.sample(using: rng) }
      XCTAssertTrue(draws.allSatisfy(prior.support.contains), "\(prior): draw outside support")
      let n = Double(drawCount)
      let sampleMean = draws.reduce(0, +) / n
      let centred = draws.map { $0 - sampleMean }
      let sampleVariance = centred.reduce(0) { $0 + $1 * $1 } / n
      let fourthMoment = centred.reduce(0) { $0 + $1 * $1 * $1 * $1 } / n
      let sampleSD = sampleVariance.squareRoot()
      let meanError = sampleSD / n.squareRoot()
      let sdError =
        ((fourthMoment - sampleVariance * sampleVariance) / n).squareRoot() / (2 * sampleSD)
      XCTAssertLessThan(abs(sampleMean - mean) / meanError, 4, "\(prior) mean")
      XCTAssertLessThan(abs(sampleSD - sd) / sdError, 4, "\(prior) sd")
    }
  }

  func testSamplingIsReproducibleForAGivenSeed() throws {
    let prior = try Prior(.truncatedNormal(mean: 0, sd: 1, lower: 0.5, upper: 2))
    let first = GSLRandom(runSeed: 5, stream: 1)
    let second = GSLRandom(runSeed: 5, stream: 1)
    for _ in 0..<100 { XCTAssertEqual(prior.sample(using: first), prior.sample(using: second)) }
  }

  func testFarTailTruncationSamplesInsideItsInterval() throws {
    let prior = try Prior(.truncatedNormal(mean: 0, sd: 1, lower: 30, upper: .infinity))
    let rng = GSLRandom(runSeed: 3)
    for _ in 0..<1000 {
      let x = prior.sample(using: rng)
      XCTAssertTrue(x >= 30 && x < 31, "\(x)")
    }
    // Mean of a normal truncated at α far in the tail ≈ α + 1/α − 2/α³.
    let mean = try XCTUnwrap(prior.mean)
    XCTAssertEqual(mean, 30 + 1.0 / 30 - 2.0 / 27000, accuracy: 1e-6)
  }

  func testClosedFormMoments() throws {
    XCTAssertEqual(try Prior(.halfNormal(sd: 2)).mean, 2 * (2 / Double.pi).squareRoot())
    XCTAssertEqual(try Prior(.exponential(rate: 4)).standardDeviation, 0.25)
    XCTAssertEqual(try Prior(.beta(alpha: 2, beta: 2)).mean, 0.5)
    // Half-Cauchy-like ν = 2: mean exists (√2 · scale), variance does not.
    let halfT = try Prior(.halfStudentT(nu: 2, scale: 1))
    XCTAssertEqual(try XCTUnwrap(halfT.mean), 2.0.squareRoot(), accuracy: 1e-14)
    XCTAssertNil(halfT.standardDeviation)
    // A symmetric two-sided truncation keeps the mean.
    let symmetric = try Prior(.truncatedNormal(mean: 1, sd: 2, lower: -1, upper: 3))
    XCTAssertEqual(try XCTUnwrap(symmetric.mean), 1, accuracy: 1e-15)
  }

  func testUndefinedMomentsAreNil() throws {
    let cauchy = try Prior(.studentT(nu: 1, location: 0, scale: 1))
    XCTAssertNil(cauchy.mean)
    XCTAssertNil(cauchy.standardDeviation)
    let heavy = try Prior(.studentT(nu: 2, location: 3, scale: 1))
    XCTAssertEqual(heavy.mean, 3)
    XCTAssertNil(heavy.standardDeviation)
    let halfCauchy = try Prior(.halfStudentT(nu: 1, scale: 1))
    XCTAssertNil(halfCauchy.mean)
    XCTAssertNil(halfCauchy.standardDeviation)
  }
}
