import Foundation
import XCTest

@testable import BayesMMM

/// Stan's convention at the edges: NaN, never a trap, for constant, non-finite, short or
/// ragged draws; and ArviZ's handling of odd chain lengths.
final class DiagnosticsEdgeCaseTests: XCTestCase {
  /// Every scalar diagnostic, by name, for the NaN checks.
  private static let scalarDiagnostics: [(String, @Sendable ([[Double]]) -> Double)] = [
    ("rHat", Diagnostics.rHat),
    ("splitRHat", Diagnostics.splitRHat),
    ("essBulk", Diagnostics.essBulk),
    ("essTail", Diagnostics.essTail),
    ("essMean", Diagnostics.essMean),
    ("essQuantile", { Diagnostics.essQuantile($0, probability: 0.5) }),
    ("mcseMean", Diagnostics.mcseMean),
    ("mcseSD", Diagnostics.mcseSD),
    ("mcseQuantile", { Diagnostics.mcseQuantile($0, probability: 0.5) }),
  ]

  private func assertAllNaN(
    _ draws: [[Double]], _ situation: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    for (name, diagnostic) in Self.scalarDiagnostics {
      XCTAssertTrue(diagnostic(draws).isNaN, "\(name) on \(situation)", file: file, line: line)
    }
  }

  private func normalChains(_ chains: Int, _ draws: Int, seed: UInt64) -> [[Double]] {
    (0..<chains).map { chain in
      let rng = GSLRandom(runSeed: seed, stream: UInt64(chain))
      return (0..<draws).map { _ in rng.standardNormal() }
    }
  }

  func testConstantDrawsGiveNaN() {
    assertAllNaN([[Double]](repeating: [2.5, 2.5, 2.5, 2.5, 2.5, 2.5], count: 4), "constant")
    XCTAssertTrue(Diagnostics.eBFMI(energy: [[1, 1, 1, 1]])[0].isNaN)
  }

  func testNonFiniteDrawsGiveNaN() {
    for bad in [Double.nan, .infinity, -.infinity] {
      var draws = normalChains(4, 100, seed: 3)
      draws[2][17] = bad
      assertAllNaN(draws, "a draw equal to \(bad)")
      let bfmi = Diagnostics.eBFMI(energy: draws)
      XCTAssertTrue(bfmi[2].isNaN, "E-BFMI of the chain holding \(bad)")
      XCTAssertTrue(bfmi[0].isFinite, "E-BFMI of a clean chain")
    }
  }

  func testShortRaggedOrEmptyDrawsGiveNaN() {
    assertAllNaN([[1, 2, 3], [2, 3, 1]], "three draws per chain")
    assertAllNaN([[1, 2, 3, 4, 5], [2, 3, 1, 4]], "chains of unequal length")
    assertAllNaN([], "no chains")
    assertAllNaN([[], []], "empty chains")
    XCTAssertEqual(Diagnostics.splitChains([[1, 2, 3, 4], [1, 2]]), [])
    XCTAssertTrue(Diagnostics.eBFMI(energy: [[1]])[0].isNaN)
  }

  func testRHatNeedsTwoChainsWhileESSDoesNot() {
    let oneChain = normalChains(1, 200, seed: 5)
    XCTAssertTrue(Diagnostics.rHat(oneChain).isNaN)
    XCTAssertTrue(Diagnostics.splitRHat(oneChain).isNaN)
    XCTAssertTrue(Diagnostics.essBulk(oneChain).isFinite)
    XCTAssertTrue(Diagnostics.mcseMean(oneChain).isFinite)
  }

  func testOddLengthSplitDropsTheMiddleDraw() {
    let split = Diagnostics.splitChains([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]])
    XCTAssertEqual(split, [[1, 2], [6, 7], [4, 5], [9, 10]])
    XCTAssertEqual(Diagnostics.splitChains([[1, 2, 3, 4]]), [[1, 2], [3, 4]])
  }

  func testMiddleDrawOfOddChainsDoesNotMoveSplitDiagnostics() throws {
    let odd = try FixtureLoading.chainColumns("diagnostics/odd_length_ar1.csv")
    XCTAssertEqual(odd[0].count % 2, 1)
    let middle = odd[0].count / 2
    // Changing only the dropped middle draw leaves every split-chain statistic unchanged.
    var perturbed = odd
    for chain in perturbed.indices { perturbed[chain][middle] += 1_000 }
    XCTAssertEqual(Diagnostics.essMean(perturbed), Diagnostics.essMean(odd))
    XCTAssertEqual(Diagnostics.splitRHat(perturbed), Diagnostics.splitRHat(odd))
    XCTAssertEqual(
      Diagnostics.splitChains(perturbed), Diagnostics.splitChains(odd.map { chain in
        var even = chain
        even.remove(at: middle)
        return even
      }))
  }

  func testAntitheticChainsHitTheESSCap() {
    // Alternating signs: negative lag-1 autocorrelation makes τ̂ tiny, so the
    // ESS is held at S·log₁₀(S) for the S = 400 split draws (ArviZ gives the same).
    let draws: [[Double]] = (0..<2).map { chain in
      (0..<200).map { (t: Int) -> Double in
        let sign: Double = t.isMultiple(of: 2) ? 1 : -1
        let scale = 1 + 0.1 * Double((t * 7 + chain) % 5)
        return sign * scale
      }
    }
    XCTAssertEqual(Diagnostics.essMean(draws), 400 * log10(400), accuracy: 1e-9)
  }

  func testDiagnosticsAgreeWhenCalledFromManyThreads() {
    let draws = normalChains(4, 500, seed: 11)
    let serial = Self.scalarDiagnostics.map { $0.1(draws) }
    let results = ConcurrentResults(count: 16)
    DispatchQueue.concurrentPerform(iterations: 16) { index in
      results.store(Self.scalarDiagnostics.map { $0.1(draws) }, at: index)
    }
    for index in 0..<16 { XCTAssertEqual(results.value(at: index), serial) }
  }
}

/// A lock-protected buffer the concurrent calls write their results into.
private final class ConcurrentResults: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [[Double]]

  init(count: Int) { values = [[Double]](repeating: [], count: count) }

  func store(_ result: [Double], at index: Int) {
    lock.lock()
    defer { lock.unlock() }
    values[index] = result
  }

  func value(at index: Int) -> [Double] {
    lock.lock()
    defer { lock.unlock() }
    return values[index]
  }
}
