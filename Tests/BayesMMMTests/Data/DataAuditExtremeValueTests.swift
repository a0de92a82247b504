import XCTest

@testable import BayesMMM

/// The extreme-value warning: a spend or revenue week more than 1,000 times its column's
/// median of positive values, on both sides of that line.
final class DataAuditExtremeValueTests: TemporaryFolderTestCase {
  private func findings(_ text: String) throws -> [AuditFinding] {
    try DataAudit().findings(for: try WeeklyDataset.load(path: try write(text)))
  }

  /// The median of facebook_spend's positive weeks once row 10 holds a value above it.
  private func facebookMedian() throws -> Double {
    let data = try WeeklyDataset.load(
      path: try write(try DataFixtures.replacing(row: 10, column: "facebook_spend", with: "1e15")))
    let values = try XCTUnwrap(data.spendChannels.first { $0.name == "facebook_spend" }?.values)
      .filter { $0 > 0 }.sorted()
    return (values[values.count / 2 - 1] + values[values.count / 2]) / 2
  }

  func testSpendWeekOf1e15IsAnExtremeValueNamingWeekRowAndColumn() throws {
    let found = try findings(
      try DataFixtures.replacing(row: 10, column: "facebook_spend", with: "1e15"))
    let extreme = found.filter { $0.code == .extremeValue }
    XCTAssertEqual(extreme.count, 1)
    let finding = try XCTUnwrap(extreme.first)
    XCTAssertEqual(finding.severity, .warning)
    XCTAssertEqual(finding.column, "facebook_spend")
    XCTAssertEqual(finding.rows, [10])
    XCTAssertEqual(
      finding.message,
      "facebook_spend is extreme in 1 week: 1,000,000,000,000,000 in 2023-11-19 (row 10); "
        + "more than 1,000 times its median over positive weeks (5,293.78)")
    XCTAssertEqual(
      finding.action,
      "kept; check the value: a typo or a unit error here dominates the column's scale and the "
        + "fit")
  }

  func testJustAboveAThousandTimesTheMedianWarnsAndJustBelowDoesNot() throws {
    let median = try facebookMedian()
    let above = try findings(
      try DataFixtures.replacing(
        row: 10, column: "facebook_spend", with: NumberText.plain((1_001 * median).rounded())))
    XCTAssertEqual(above.filter { $0.code == .extremeValue }.map(\.rows), [[10]])
    let below = try findings(
      try DataFixtures.replacing(
        row: 10, column: "facebook_spend", with: NumberText.plain((999 * median).rounded())))
    XCTAssertEqual(below.filter { $0.code == .extremeValue }.count, 0)
  }

  func testHugeRevenueWeeksAreReportedWithoutTrapping() throws {
    let found = try findings(
      try DataFixtures.replacing(cells: [(3, "revenue", "1e20"), (40, "revenue", "1e300")]))
    let finding = try XCTUnwrap(found.first { $0.code == .extremeValue })
    XCTAssertEqual(finding.column, "revenue")
    XCTAssertEqual(finding.rows, [3, 40])
    XCTAssertTrue(
      finding.message.hasPrefix(
        "revenue is extreme in 2 weeks: 1e+20 in 2023-10-01 (row 3), "
          + "1e+300 in "), finding.message)
  }

  func testTheBundledDataHasNoExtremeValue() throws {
    let data = try WeeklyDataset.load(path: DataFixtures.realFilePath)
    XCTAssertEqual(try DataAudit().findings(for: data).filter { $0.code == .extremeValue }.count, 0)
  }
}
