import Foundation
import XCTest

/// `bayes-mmm contributions` on a short run of the bundled data.
final class ContributionsCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  func testCSVAndJSONReportEveryWeekPartBaselineAndInteraction() throws {
    let run = try CLI.shortRun(in: folder)
    let json = try CLI.run(["contributions", "--run", run, "--format", "json", "--paths", "2"])
    XCTAssertEqual(json.status, 0, json.stderr)
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(
      Set(object.keys),
      [
        "convention", "interval", "draws", "paths", "weeks", "floor_weeks", "parts", "baseline",
        "interaction",
      ])
    XCTAssertEqual((object["floor_weeks"] as? [String])?.count, 8, "the bundled data's floor weeks")
    XCTAssertEqual(object["draws"] as? Double, 200)
    XCTAssertTrue((object["convention"] as? String)?.contains("do not add up") ?? false)
    let weeks = try XCTUnwrap(object["weeks"] as? [String])
    let parts = try XCTUnwrap(object["parts"] as? [[String: Any]])
    let kinds = Set(parts.compactMap { $0["kind"] as? String })
    XCTAssertTrue(
      kinds.isSuperset(of: ["social_total", "social_direct", "social_indirect", "google"]),
      "\(kinds)")
    for part in parts {
      XCTAssertEqual(Set(part.keys), ["name", "kind", "weekly", "total"])
      let weekly = try XCTUnwrap(part["weekly"] as? [[String: Double]])
      XCTAssertEqual(weekly.count, weeks.count)
      XCTAssertEqual(Set(weekly[0].keys), ["mean", "median", "q05", "q95"])
      let total = try XCTUnwrap(part["total"] as? [String: Double])
      XCTAssertLessThanOrEqual(try XCTUnwrap(total["q05"]), try XCTUnwrap(total["q95"]))
    }
    let baseline = try XCTUnwrap(object["baseline"] as? [String: Any])
    XCTAssertEqual(Set(baseline.keys), ["weekly", "total"])

    let arguments = ["contributions", "--run", run, "--paths", "2"]
    let csv = try CLI.run(arguments + ["--format", "csv"])
    XCTAssertEqual(csv.status, 0, csv.stderr)
    let lines = csv.stdout.split(separator: "\n")
    XCTAssertEqual(lines.first, "date,part,mean,median,q05,q95")
    let series = parts.count + 2
    XCTAssertEqual(lines.count, 1 + (weeks.count + 1) * series)
    XCTAssertTrue(lines[1].hasPrefix("\(weeks[0]),"), String(lines[1]))
    XCTAssertTrue(lines.last?.hasPrefix("total,interaction,") ?? false, String(lines.last!))
    XCTAssertEqual(csv.stdout, try CLI.run(arguments).stdout, "csv is the default; same seed")
    XCTAssertNotEqual(csv.stdout, try CLI.run(arguments + ["--seed", "9"]).stdout)
  }

  func testPathsOutsideTheRangeAreRefused() throws {
    let result = try CLI.run(["contributions", "--paths", "0"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(
      result.stderr.contains("--paths must be a whole number from 1 to 1000; got 0."),
      result.stderr)
  }
}
