import XCTest
@testable import BayesMMM

final class DataAuditReportTests: XCTestCase {
  private func report() throws -> DataAuditReport {
    let data = try WeeklyDataset.load(path: DataFixtures.realFilePath)
    return DataAuditReport(data: data, findings: try DataAudit().findings(for: data))
  }

  func testJSONHasTheStableKeys() throws {
    let json = try report().json()
    let object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    XCTAssertEqual(
      Set(object.keys),
      ["file", "sha256", "weeks", "first_week", "last_week", "roles", "findings", "scales"])
    XCTAssertEqual(object["weeks"] as? Int, 104)
    XCTAssertEqual(object["first_week"] as? String, "2023-09-17")
    let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
    XCTAssertEqual(findings.count, 12)
    for finding in findings {
      XCTAssertEqual(Set(finding.keys), ["severity", "code", "column", "rows", "message", "action"])
    }
    XCTAssertTrue(findings.last?["column"] is NSNull)
    let scales = try XCTUnwrap(object["scales"] as? [String: Any])
    XCTAssertEqual(Set(scales.keys), ["outcome_mean", "spend_nonzero_mean", "median_price"])
  }

  func testJSONRoundTrips() throws {
    let original = try report()
    let decoded = try JSONDecoder().decode(
      DataAuditReport.self, from: Data(try original.json().utf8))
    XCTAssertEqual(decoded.findings, original.findings)
    XCTAssertEqual(decoded.roles, original.roles)
    XCTAssertEqual(decoded.scales, original.scales)
  }

  func testTextStartsWithTheSummaryAndFitsOneHundredColumns() throws {
    let text = try report().text()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertTrue(lines[0].hasSuffix("data/mmm_weekly.csv"), String(lines[0]))
    XCTAssertTrue(text.contains("  weeks   104, 2023-09-17 to 2025-09-07, no gaps\n"))
    XCTAssertTrue(text.contains("  social_followers  not used (downstream of social spend)\n"))
    XCTAssertTrue(
      text.contains("  revenue           49,053.95  mean over all 104 weeks (scale_y)\n"))
    XCTAssertTrue(text.contains("Findings: 8 warnings, 4 info\n"))
    XCTAssertTrue(text.contains("warning leading-zeros-missing\n  column  social_followers\n"
      + "  rows    1-26\n"))
    XCTAssertTrue(lines.allSatisfy { $0.count <= 100 })
  }

  func testRowListsCollapseRuns() {
    XCTAssertEqual(RowList.text([1, 2, 3, 5, 6, 9]), "1-3, 5, 6, 9")
    XCTAssertEqual(RowList.text([]), "")
  }

  func testNumberText() {
    XCTAssertEqual(NumberText.grouped(398_453.53, decimals: 2), "398,453.53")
    XCTAssertEqual(NumberText.grouped(-1_234_567.891, decimals: 1), "-1,234,567.9")
    XCTAssertEqual(NumberText.grouped(0.004, decimals: 2), "0.00")
    XCTAssertEqual(NumberText.grouped(999.995, decimals: 0), "1,000")
    XCTAssertEqual(NumberText.plain(5), "5")
    XCTAssertEqual(NumberText.plain(101.95), "101.95")
  }
}
