import XCTest
@testable import BayesMMM

final class GSLRandomTests: XCTestCase {
  func testSameSeedAndStreamGiveTheSameSequence() {
    let a = GSLRandom(runSeed: 7, stream: 3)
    let b = GSLRandom(runSeed: 7, stream: 3)
    for _ in 0..<100 { XCTAssertEqual(a.standardNormal(), b.standardNormal()) }
  }

  func testDifferentStreamsGiveDifferentSequences() {
    let a = GSLRandom(runSeed: 7, stream: 0)
    let b = GSLRandom(runSeed: 7, stream: 1)
    XCTAssertNotEqual(a.derivedSeed, b.derivedSeed)
    XCTAssertNotEqual(a.uniform(), b.uniform())
  }

  func testStandardNormalMomentsWithinMonteCarloError() {
    let rng = GSLRandom(runSeed: 11)
    let n = 200_000
    var sum = 0.0
    var sumSquares = 0.0
    for _ in 0..<n {
      let z = rng.standardNormal()
      sum += z
      sumSquares += z * z
    }
    let mean = sum / Double(n)
    let variance = sumSquares / Double(n) - mean * mean
    // MCSE of the mean is 1/sqrt(n); of the variance sqrt(2/n).
    XCTAssertLessThan(abs(mean) / (1 / Double(n).squareRoot()), 4)
    XCTAssertLessThan(abs(variance - 1) / (2 / Double(n)).squareRoot(), 4)
  }
}
