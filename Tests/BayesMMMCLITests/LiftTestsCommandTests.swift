import Foundation
import XCTest

/// `--lift-tests` through the binary: sample, diagnose, summarize and simulate.
final class LiftTestsCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  private func write(_ text: String, _ name: String = "lifts.csv") throws -> String {
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private static let valid =
    "channel,start,end,spend_change,cooldown_weeks,lift,se\n"
    + "tiktok_spend,2024-03-03,2024-04-21,off,3,50000,20000\n"

  func testABadFileStopsSampleNamingRowAndColumnAndWritesNothing() throws {
    let path = try write(
      "channel,start,end,spend_change,lift,se\ntiktok,2024-03-03,2024-04-21,off,5,0\n")
    let out = folder.appendingPathComponent("run").path
    let result = try CLI.run(["sample", "--lift-tests", path, "--out", out, "--quiet"])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "error: \(path): line 2 (row 1), column \"se\": \"0\" is not positive; a standard error "
        + "must be > 0\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
  }

  func testDiagnoseChecksTheGradientWithTheLiftTerms() throws {
    let result = try CLI.run(
      ["diagnose", "--points", "2", "--lift-tests", try write(Self.valid)])
    XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
  }

  func testARunRecordsItsTestsAndSummarizeSetsThemBesideTheModel() throws {
    let lifts = try write(Self.valid)
    let run = try CLI.shortRun(in: folder, extra: ["--lift-tests", lifts])
    try FileManager.default.removeItem(atPath: lifts)  // the run carries the file's text
    let record = try XCTUnwrap(
      JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: run + "/run.json"))) as? [String: Any])
    let recorded = try XCTUnwrap(record["lift_tests"] as? [String: Any])
    XCTAssertEqual(recorded["path"] as? String, lifts)
    XCTAssertEqual(recorded["content"] as? String, Self.valid)
    let tests = try XCTUnwrap(recorded["tests"] as? [[String: Any]])
    XCTAssertEqual(tests.first?["channel"] as? String, "tiktok_spend")

    let json = try CLI.run(["summarize", "--run", run, "--format", "json"])
    XCTAssertEqual(json.status, 0, json.stderr)
    let summary = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let row = try XCTUnwrap((summary["lift_tests"] as? [[String: Any]])?.first)
    XCTAssertEqual(row["channel"] as? String, "tiktok_spend")
    XCTAssertEqual(row["lift"] as? Double, 50000)
    XCTAssertEqual(row["se"] as? Double, 20000)
    XCTAssertNotNil((row["posterior"] as? [String: Any])?["q05"] as? Double)
    XCTAssertEqual(
      (row["without_test"] as? [String: Any])?["source"] as? String,
      "importance_weights")
    XCTAssertNotNil(row["conflict"] as? Bool)
    let text = try CLI.run(["summarize", "--run", run])
    XCTAssertTrue(text.stdout.contains("LIFT TESTS"), text.stdout)
    let html = folder.appendingPathComponent("report.html").path
    let report = try CLI.run(["report", "--run", run, "--out", html, "--draws", "40"])
    XCTAssertEqual(report.status, 0, report.stderr)
    let page = try String(contentsOfFile: html, encoding: .utf8)
    XCTAssertTrue(page.contains("<section id=\"lift-tests\">"))
    XCTAssertTrue(page.contains("<td>tiktok_spend</td>"))
    let refused = try CLI.run(["summarize", "--run", run, "--compare-run", run])
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(
      refused.stderr.contains(
        "--compare-run \(run) was fitted with lift tests; give a run of the same data fitted "
          + "without them."), refused.stderr)
  }

  func testSimulateWritesLiftTestsThatSampleAccepts() throws {
    let data = folder.appendingPathComponent("sim.csv").path
    let lifts = folder.appendingPathComponent("sim-lifts.csv").path
    let simulate = try CLI.run(
      [
        "simulate", "--weeks", "60", "--seed", "3", "--out", data, "--lift-tests-out", lifts,
        "--lift-se", "0.25", "--effect-paths", "100",
      ])
    XCTAssertEqual(simulate.status, 0, simulate.stderr)
    let text = try String(contentsOfFile: lifts, encoding: .utf8)
    XCTAssertTrue(text.hasPrefix("channel,start,end,spend_change,cooldown_weeks,lift,se\n"), text)
    XCTAssertEqual(text.split(separator: "\n").count, 5, text)
    let diagnose = try CLI.run(
      ["diagnose", "--data", data, "--points", "1", "--lift-tests", lifts])
    XCTAssertEqual(diagnose.status, 0, diagnose.stdout + diagnose.stderr)
  }
}
