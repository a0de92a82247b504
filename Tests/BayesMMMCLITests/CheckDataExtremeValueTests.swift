import Foundation
import XCTest

/// `check-data` on weeks with extreme values: a warning naming the column, row and week,
/// exit 0, and no trap on 1e300.
final class CheckDataExtremeValueTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  /// The bundled file with data row `row` of `column` set to `text`, as data.csv.
  private func file(row: Int, column: String, text: String) throws -> String {
    let path = CLI.packageRoot.appendingPathComponent("data/mmm_weekly.csv").path
    var lines = try String(contentsOfFile: path, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let index = try XCTUnwrap(
      lines[0].split(separator: ",").map(String.init).firstIndex(of: column))
    var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    fields[index] = text
    lines[row] = fields.joined(separator: ",")
    let out = folder.appendingPathComponent("data.csv")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: out)
    return out.path
  }

  func testSpendWeekOf1e15IsWarnedAboutWithWeekRowAndColumn() throws {
    let data = try file(row: 10, column: "facebook_spend", text: "1e15")
    let result = try CLI.run(["check-data", "--data", data])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("Findings: 9 warnings, 4 info\n"), result.stdout)
    XCTAssertTrue(
      result.stdout.contains(
        "warning extreme-value\n  column  facebook_spend\n  rows    10\n"
          + "  found   facebook_spend is extreme in 1 week: 1,000,000,000,000,000 in 2023-11-19 "
          + "(row 10); more\n          than 1,000 times its median over positive weeks "
          + "(5,293.78)\n"), result.stdout)
  }

  func testSpendOrRevenueOf1e300DoesNotStopCheckData() throws {
    for column in ["facebook_spend", "revenue"] {
      let data = try file(row: 10, column: column, text: "1e300")
      let result = try CLI.run(["check-data", "--data", data])
      XCTAssertEqual(result.status, 0, "\(column): \(result.stderr)")
      XCTAssertTrue(result.stdout.contains("1e+300 in 2023-11-19 (row 10)"), result.stdout)
    }
  }
}
