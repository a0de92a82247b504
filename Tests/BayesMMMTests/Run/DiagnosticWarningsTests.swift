import XCTest

@testable import BayesMMM

/// The run verdict on draws with non-finite values, undefined R-hat and one chain
/// (issue 12, defects 5 and 12): counted and named, never a silent NaN or the wrong column.
final class DiagnosticWarningsTests: XCTestCase {
  /// 4 chains x 100 draws of a well-mixed column, shifted by `offset`.
  private func mixed(_ offset: Double, seed: UInt64 = 1) -> [[Double]] {
    let random = GSLRandom(runSeed: seed, stream: 0)
    return (0..<4).map { _ in (0..<100).map { _ in offset + random.standardNormal() } }
  }

  private func statistics(chains: Int, draws: Int) -> DrawTable {
    let names = [
      "lp__", "accept_stat__", "stepsize__", "treedepth__", "n_leapfrog__", "divergent__",
      "energy__",
    ]
    let random = GSLRandom(runSeed: 7, stream: 0)
    let values: [[Double]] = (0..<chains).map { _ in
      (0..<draws).flatMap { _ -> [Double] in [0, 0.8, 0.1, 3, 7, 0, 10 + random.standardNormal()] }
    }
    return DrawTable(columns: names, values: values)
  }

  func testNonFiniteEffectDrawsAreCountedAndNamedInAWarning() {
    var overflowed = mixed(0)
    overflowed[0][3] = .infinity
    overflowed[2][10] = .nan
    overflowed[3][99] = -.infinity
    let columns = [
      ColumnDiagnostics(name: "beta_google", draws: mixed(0, seed: 2)),
      ColumnDiagnostics(name: "te_zero.1", draws: overflowed),
    ]
    XCTAssertEqual(columns[1].nonFiniteDraws, 3)
    let summary = DiagnosticsSummary(
      statistics: statistics(chains: 4, draws: 100), columns: columns, maxDepth: 10)
    XCTAssertEqual(summary.nonFinite, [NonFiniteColumn(name: "te_zero.1", count: 3)])
    XCTAssertTrue(
      summary.warnings.contains {
        $0.hasPrefix(
          "1 quantity has draws that are not finite (inf or NaN), of 400 draws: "
            + "te_zero.1 3.")
      }, "\(summary.warnings)")
    // The overflowed column's undefined R-hat is explained by that warning, not rolled up.
    XCTAssertFalse(summary.warnings.contains { $0.hasPrefix("R-hat") }, "\(summary.warnings)")
    XCTAssertEqual(summary.maxRHatColumn, "beta_google")
    XCTAssertEqual(summary.maxRHat, columns[0].rHat)
    XCTAssertTrue(summary.maxRHat.isFinite)
  }

  func testRHatRollUpNamesTheWorstDefinedColumnAndCountsTheUndefinedOne() {
    var apart = mixed(0, seed: 3)
    apart[0] = apart[0].map { $0 + 3 }  // one chain elsewhere: R-hat well above 1.01
    let columns = [
      ColumnDiagnostics(name: "a", draws: mixed(0, seed: 4)),
      ColumnDiagnostics(
        name: "constant", draws: Array(repeating: Array(repeating: 2, count: 100), count: 4)),
      ColumnDiagnostics(name: "b", draws: apart),
    ]
    XCTAssertTrue(columns[1].rHat.isNaN)
    let summary = DiagnosticsSummary(
      statistics: statistics(chains: 4, draws: 100), columns: columns, maxDepth: 10)
    XCTAssertEqual(summary.maxRHatColumn, "b")
    XCTAssertEqual(summary.maxRHat, columns[2].rHat)
    XCTAssertTrue(
      summary.warnings.contains {
        $0.hasPrefix("R-hat above 1.01 for 1 parameter(s) (worst b at ")
      }, "\(summary.warnings)")
    XCTAssertTrue(
      summary.warnings.contains {
        $0.hasPrefix("R-hat undefined for 1 column(s) (first: constant)")
      },
      "\(summary.warnings)")
  }

  func testOneChainSaysRHatNeedsTwoChainsInsteadOfChainsDisagree() {
    let random = GSLRandom(runSeed: 5, stream: 0)
    let one = [(0..<1000).map { _ in random.standardNormal() }]
    let columns = [ColumnDiagnostics(name: "x", draws: one)]
    let warnings = DiagnosticWarnings.make(
      divergences: 0, draws: 1000, chains: 1, columns: columns, nonFinite: [],
      eBFMI: [(chain: 1, value: 1)], treeDepthHits: 0, maxDepth: 10)
    XCTAssertEqual(
      warnings,
      [
        "R-hat needs 2 or more chains; with 1 chain, whether chains agree was not checked. "
          + "Run --chains 4 before relying on the results."
      ])
  }

  func testNonFiniteWarningNamesEightQuantitiesAndCountsTheRest() {
    let many = (1...10).map { NonFiniteColumn(name: "q.\($0)", count: $0) }
    let warning = DiagnosticWarnings.nonFiniteWarning(many, draws: 400)
    XCTAssertEqual(
      warning,
      "10 quantities have draws that are not finite (inf or NaN), of 400 draws: q.1 1, q.2 2, "
        + "q.3 3, q.4 4, q.5 5, q.6 6, q.7 7, q.8 8 and 2 more. Their summaries use the finite "
        + "draws only and are not reliable; this is overflow, usually from very wide priors: "
        + "tighten them.")
  }

  func testPosteriorStatisticsLeaveOutAndCountNonFiniteDraws() {
    let finite = [1.0, 2, 3, 4, 5]
    let plain = PosteriorStatistics(draws: finite)
    let overflowed = PosteriorStatistics(draws: [.infinity] + finite + [.nan])
    XCTAssertEqual(plain.nonFiniteDraws, 0)
    XCTAssertEqual(overflowed.nonFiniteDraws, 2)
    XCTAssertEqual(overflowed.mean, 3)
    XCTAssertEqual(overflowed.median, 3)
    XCTAssertEqual(overflowed.lower90, plain.lower90)
    XCTAssertEqual(overflowed.upper95, plain.upper95)
    XCTAssertEqual(overflowed.probabilityPositive, 1)
  }

  func testRoiMedianSkipsOverflowedDraws() {
    XCTAssertEqual(EffectSummary.medianRatio([10, 20, .infinity, 30, .nan], 10), 2)
  }

}
