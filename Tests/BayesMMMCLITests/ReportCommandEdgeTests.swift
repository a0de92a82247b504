import Foundation
import XCTest

/// `bayes-mmm report` on runs of constant-ish and extreme data and under very wide priors:
/// each finishes within seconds with exit 0 (it used to loop forever in the axis ticks or
/// stop on a Double -> Int64 conversion).
final class ReportCommandEdgeTests: XCTestCase {
  private var folder: URL!
  /// Cheap sampling: the report, not the fit, is under test.
  private let small = [
    "--chains", "2", "--warmup", "40", "--draws", "20", "--max-depth", "6", "--quiet",
  ]

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  /// The bundled data with `edit` applied to the cells of column `column` (row index from 1).
  private func dataFile(column: String, _ edit: (Int, String) -> String) throws -> String {
    let path = CLI.packageRoot.appendingPathComponent("data/mmm_weekly.csv").path
    var lines = try String(contentsOfFile: path, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let header = lines[0].split(separator: ",").map(String.init)
    let index = try XCTUnwrap(header.firstIndex(of: column))
    for row in 1..<lines.count {
      var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false)
        .map(String.init)
      fields[index] = edit(row, fields[index])
      lines[row] = fields.joined(separator: ",")
    }
    let out = folder.appendingPathComponent("data.csv")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: out)
    return out.path
  }

  /// Samples cheaply with `arguments`, then reports; returns the report's result and seconds.
  private func sampleThenReport(_ arguments: [String], settings: [String]? = nil) throws
    -> (CLI.Result, Double)
  {
    let run = folder.appendingPathComponent("run").path
    let sample = try CLI.run(["sample"] + arguments + (settings ?? small) + ["--out", run])
    XCTAssertEqual(sample.status, 0, sample.stderr)
    let out = folder.appendingPathComponent("report.html").path
    let start = Date()
    let result = try CLI.run(["report", "--run", run, "--out", out, "--draws", "40"])
    let seconds = Date().timeIntervalSince(start)
    if result.status == 0 {
      let html = try String(contentsOfFile: out, encoding: .utf8)
      XCTAssertTrue(html.hasSuffix("</html>\n"))
    }
    return (result, seconds)
  }

  func testReportOnNearlyConstantRevenueFinishesWithinSeconds() throws {
    let data = try dataFile(column: "revenue") { row, _ in
      twoDecimals(1000 + 0.01 * Double(row))
    }
    let (result, seconds) = try sampleThenReport(["--data", data])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "wrote \(folder.appendingPathComponent("report.html").path)\n")
    XCTAssertLessThan(seconds, 60)
  }

  func testReportOnARevenueWeekOf1e20FinishesWithinSeconds() throws {
    let data = try dataFile(column: "revenue") { row, text in row == 10 ? "1e20" : text }
    let (result, seconds) = try sampleThenReport(["--data", data])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertLessThan(seconds, 60)
  }

  func testReportUnderVeryWidePriorsFinishesWithinSeconds() throws {
    let defaults = try String(
      contentsOfFile: CLI.packageRoot.appendingPathComponent("priors/default.json").path,
      encoding: .utf8)
    let wide = try NSRegularExpression(pattern: "(\"(sd|scale)\": )[0-9.]+")
      .stringByReplacingMatches(
        in: defaults, range: NSRange(defaults.startIndex..., in: defaults),
        withTemplate: "$11000000")
    XCTAssertTrue(wide.contains("\"sd\": 1000000"))
    let priors = folder.appendingPathComponent("wide.json")
    try Data(wide.utf8).write(to: priors)
    // 100 warm-up iterations reach the draws whose effects overflow (which made the old
    // report stop on an Int conversion); 20 do not.
    let (result, seconds) = try sampleThenReport(
      ["--priors", priors.path],
      settings: [
        "--chains", "2", "--warmup", "100", "--draws", "50", "--max-depth", "6", "--quiet",
      ])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertLessThan(seconds, 60)
  }
}

/// Plain decimal text of a weekly value for the test files.
private func twoDecimals(_ value: Double) -> String { String(format: "%.2f", value) }
