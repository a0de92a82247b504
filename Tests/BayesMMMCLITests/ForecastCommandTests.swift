import Foundation
import XCTest

/// `bayes-mmm forecast` on a short run of the bundled data and the example plan.
final class ForecastCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  private var examplePlan: String {
    CLI.packageRoot.appendingPathComponent("docs/example-plan.csv").path
  }

  func testTextCSVAndJSONReportEveryPlanWeekAndTheTotal() throws {
    let run = try CLI.shortRun(in: folder)
    let json = try CLI.run(["forecast", "--run", run, "--plan", examplePlan, "--format", "json"])
    XCTAssertEqual(json.status, 0, json.stderr)
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(object["google_source"] as? String, "simulated")
    XCTAssertEqual(object["samples_per_week"] as? Double, 2000)
    let weeks = try XCTUnwrap(object["weeks"] as? [[String: Any]])
    XCTAssertEqual(
      weeks.compactMap { $0["week"] as? String },
      ["2025-09-14", "2025-09-21", "2025-09-28", "2025-10-05"])
    for week in weeks {
      let revenue = try XCTUnwrap(week["revenue"] as? [String: Double])
      XCTAssertEqual(Set(revenue.keys), ["mean", "median", "q05", "q95"])
      XCTAssertLessThanOrEqual(try XCTUnwrap(revenue["q05"]), try XCTUnwrap(revenue["q95"]))
      XCTAssertNotNil(week["google_spend"] as? [String: Double])
    }
    let total = try XCTUnwrap(object["total"] as? [String: [String: Double]])
    XCTAssertEqual(Set(total.keys), ["revenue", "google_spend"])

    let csv = try CLI.run(["forecast", "--run", run, "--plan", examplePlan, "--format", "csv"])
    XCTAssertEqual(csv.status, 0, csv.stderr)
    let lines = csv.stdout.split(separator: "\n")
    XCTAssertEqual(
      lines.first,
      "week,revenue_mean,revenue_median,revenue_q05,revenue_q95,google_source,google_mean,"
        + "google_median,google_q05,google_q95")
    XCTAssertEqual(lines.count, 6)
    XCTAssertTrue(lines.last?.hasPrefix("total,") ?? false, csv.stdout)

    let text = try CLI.run(["forecast", "--run", run, "--plan", examplePlan])
    XCTAssertEqual(text.status, 0, text.stderr)
    XCTAssertTrue(text.stdout.hasPrefix("Forecast: 4 plan weeks"), text.stdout)
    XCTAssertTrue(text.stdout.contains("\ntotal "), text.stdout)
    XCTAssertEqual(
      text.stdout, try CLI.run(["forecast", "--run", run, "--plan", examplePlan]).stdout)
  }

  func testABadPlanExitsOneNamingTheRowAndColumn() throws {
    let run = try CLI.shortRun(in: folder)
    let bad = folder.appendingPathComponent("plan.csv")
    var lines = try String(contentsOfFile: examplePlan, encoding: .utf8).split(separator: "\n")
      .map(String.init)
    lines[2] = lines[2].replacingOccurrences(of: ",2500,", with: ",-1,")
    try lines.joined(separator: "\n").write(to: bad, atomically: true, encoding: .utf8)
    let result = try CLI.run(["forecast", "--run", run, "--plan", bad.path])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(
      result.stderr,
      "error: \(bad.path): line 3 (row 2), column \"tiktok_spend\": -1 is negative; social "
        + "spend cannot be negative\n")
  }
}
