import Foundation
import XCTest

@testable import BayesMMM

/// The parameter table's ESS, R-hat and MCSE are the Diagnostics module's, which match ArviZ:
/// pinned here through the summary on run-like tables built from Tests/Fixtures/diagnostics.
final class SummaryMatchesArviZTests: XCTestCase {
  private static let tolerance = 1e-6
  /// The fixtures of one shape (4 chains x 500 draws): one run-like table of five columns.
  private static let sameShape = [
    "iid_normal", "ar1_rho09", "cauchy", "one_chain_shifted", "lognormal_skewed",
  ]

  private func expected() throws -> [String: [String: Any]] {
    let data = try Data(contentsOf: FixtureLoading.url("diagnostics/expected.json"))
    let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try XCTUnwrap(root["expected"] as? [String: [String: Any]])
  }

  /// A DrawTable whose columns are the named fixtures (chains x draws each, same shape).
  private func table(_ names: [String]) throws -> DrawTable {
    let columns = try names.map { try FixtureLoading.chainColumns("diagnostics/\($0).csv") }
    let chainCount = columns[0].count
    let drawCount = columns[0][0].count
    let values = (0..<chainCount).map { chain in
      (0..<drawCount).flatMap { draw in columns.map { $0[chain][draw] } }
    }
    return DrawTable(columns: names, values: values)
  }

  func testParameterTableMatchesArviZOnARunLikeTable() throws {
    let expected = try expected()
    let rows = ParameterSummary.table(try table(Self.sameShape), probability: 0.9)
    XCTAssertEqual(rows.map(\.name), Self.sameShape)
    for row in rows {
      try assertMatches(row, try XCTUnwrap(expected[row.name]))
    }
  }

  func testParameterTableMatchesArviZForOddLengthsAndTwoChains() throws {
    let expected = try expected()
    for name in ["odd_length_ar1", "two_chains_trend"] {
      let rows = ParameterSummary.table(try table([name]), probability: 0.9)
      try assertMatches(try XCTUnwrap(rows.first), try XCTUnwrap(expected[name]))
    }
  }

  func testIntervalBoundsAreNumPyQuantiles() throws {
    let data = try Data(contentsOf: FixtureLoading.url("diagnostics/expected_supplement.json"))
    let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    let cases = try XCTUnwrap(root["expected"] as? [String: [String: Any]])
    for row in ParameterSummary.table(try table(Self.sameShape), probability: 0.9) {
      let quantiles = try XCTUnwrap(cases[row.name]?["quantile"] as? [String: Double])
      XCTAssertEqual(row.lower, try XCTUnwrap(quantiles["0.05"]), accuracy: 1e-12, row.name)
      XCTAssertEqual(row.upper, try XCTUnwrap(quantiles["0.95"]), accuracy: 1e-12, row.name)
      XCTAssertEqual(row.median, try XCTUnwrap(quantiles["0.5"]), accuracy: 1e-12, row.name)
    }
  }

  func testDiagnosticsSectionReportsTheWorstColumns() throws {
    let expected = try expected()
    let rows = ParameterSummary.table(try table(Self.sameShape), probability: 0.9)
    let statistics = DrawTable(
      columns: CmdStanCSV.statisticColumns,
      values: Array(repeating: Array(repeating: 0, count: 500 * 7), count: 4))
    let summary = DiagnosticsSummary(
      statistics: statistics, columns: rows.map(\.diagnostics), maxDepth: 10)
    let worstRHat = try Self.sameShape.map { try XCTUnwrap(expected[$0]?["rhat_rank"] as? Double) }
      .max()
    let lowestBulk = try Self.sameShape.map { try XCTUnwrap(expected[$0]?["ess_bulk"] as? Double) }
      .min()
    assertRelative(summary.maxRHat, try XCTUnwrap(worstRHat), "max R-hat")
    assertRelative(summary.minESSBulk, try XCTUnwrap(lowestBulk), "min ESS bulk")
    XCTAssertEqual(summary.maxRHatColumn, "one_chain_shifted")
    XCTAssertTrue(summary.warnings.contains { $0.hasPrefix("R-hat above 1.01 for 2 parameter(s)") })
  }

  private func assertMatches(_ row: ParameterSummary, _ reference: [String: Any]) throws {
    let pairs: [(Double, String)] = [
      (row.rHat, "rhat_rank"), (row.essBulk, "ess_bulk"), (row.essTail, "ess_tail"),
      (row.mcseMean, "mcse_mean"),
    ]
    for (actual, key) in pairs {
      assertRelative(actual, try XCTUnwrap(reference[key] as? Double), "\(row.name) \(key)")
    }
  }

  private func assertRelative(
    _ actual: Double, _ expected: Double, _ label: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let error = abs(actual - expected) / abs(expected)
    XCTAssertLessThanOrEqual(
      error, Self.tolerance, "\(label): got \(actual), ArviZ \(expected)", file: file, line: line)
  }
}
