import Foundation
import XCTest

/// `bayes-mmm optimize` on a short run of the bundled data.
final class OptimizeCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  func testJSONAndTextReportThePlansUpliftAndMarginalROIAndRepeatForASeed() throws {
    let run = try CLI.shortRun(in: folder)
    let arguments = ["optimize", "--run", run, "--format", "json", "--seed", "3"]
    let json = try CLI.run(arguments)
    XCTAssertEqual(json.status, 0, json.stderr)
    XCTAssertEqual(json.stdout, try CLI.run(arguments).stdout)
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    for key in [
      "objective", "budget", "current", "optimized", "uplift", "marginal_roi", "warnings",
    ] {
      XCTAssertNotNil(object[key], key)
    }
    XCTAssertEqual(object["objective"] as? String, "mean")
    let channels = ["facebook_spend", "tiktok_spend", "instagram_spend", "snapchat_spend"]
    let current = try XCTUnwrap(object["current"] as? [String: Any])
    XCTAssertEqual(
      current["scale"] as? [String: Double],
      Dictionary(uniqueKeysWithValues: channels.map { ($0, 1.0) }))
    let optimized = try XCTUnwrap(object["optimized"] as? [String: Any])
    let scales = try XCTUnwrap(optimized["scale"] as? [String: Double])
    XCTAssertEqual(Set(scales.keys), Set(channels))
    XCTAssertTrue(scales.values.allSatisfy { (0.5 - 1e-12...2 + 1e-12).contains($0) })
    let budget = try XCTUnwrap(object["budget"] as? Double)
    XCTAssertEqual(try XCTUnwrap(optimized["spend"] as? Double), budget, accuracy: 1e-9 * budget)
    for key in ["revenue", "net_revenue", "induced_google_spend"] {
      let figures = try XCTUnwrap(optimized[key] as? [String: Double], key)
      XCTAssertEqual(Set(figures.keys), ["mean", "median", "q05", "q95"])
    }
    let uplift = try XCTUnwrap(object["uplift"] as? [String: Double])
    XCTAssertEqual(Set(uplift.keys), ["mean", "q05", "q95", "p_positive"])
    let roi = try XCTUnwrap(object["marginal_roi"] as? [String: [String: Double]])
    XCTAssertEqual(Set(roi.keys), Set(channels))

    let text = try CLI.run(["optimize", "--run", run, "--objective", "cvar:0.1"])
    XCTAssertEqual(text.status, 0, text.stderr)
    XCTAssertTrue(
      text.stdout.hasPrefix(
        "Budget allocation over the observed window (104 weeks, 2023-09-17 to 2025-09-07): "
          + "objective cvar:0.1"), text.stdout)
    XCTAssertTrue(text.stdout.contains("\nuplift in net revenue:"), text.stdout)
    XCTAssertTrue(
      text.stdout.contains("\nmean-optimal plan on the same draws and paths ("), text.stdout)
  }

  func testAPlanAllocatesOverItsOwnWeeksAndBudget() throws {
    let run = try CLI.shortRun(in: folder)
    let plan = CLI.packageRoot.appendingPathComponent("docs/example-plan.csv").path
    let arguments = ["optimize", "--run", run, "--plan", plan, "--format", "json"]
    let result = try CLI.run(arguments)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, try CLI.run(arguments).stdout)
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let window = try XCTUnwrap(object["window"] as? [String: Any])
    XCTAssertEqual(window["kind"] as? String, "plan")
    XCTAssertEqual(window["weeks"] as? Double, 4)
    XCTAssertEqual(window["first"] as? String, "2025-09-14")
    XCTAssertEqual(window["last"] as? String, "2025-10-05")
    // The example plan's social spend: 20,500 + 8,000 + 4,000 + 3,000.
    XCTAssertEqual(try XCTUnwrap(object["budget"] as? Double), 35_500, accuracy: 1e-9)
    let optimized = try XCTUnwrap(object["optimized"] as? [String: Any])
    XCTAssertEqual(try XCTUnwrap(optimized["spend"] as? Double), 35_500, accuracy: 1e-6)

    let missing = try CLI.run(["optimize", "--run", run, "--plan", folder.path + "/none.csv"])
    XCTAssertNotEqual(missing.status, 0)
    XCTAssertTrue(missing.stderr.contains("none.csv"), missing.stderr)
  }

  func testBadBoundsAreErrorsNamingTheOptionValue() throws {
    let run = try CLI.shortRun(in: folder)
    for (value, message) in [
      ("nope=0.5:2", "names no social channel of the run"),
      ("tiktok_spend=2:1", "has LO > HI"),
      ("tiktok_spend=-1:2", "has a negative factor"),
    ] {
      let result = try CLI.run(["optimize", "--run", run, "--bounds", value])
      XCTAssertNotEqual(result.status, 0, value)
      XCTAssertEqual(result.stdout, "")
      XCTAssertTrue(result.stderr.contains("--bounds '\(value)'"), result.stderr)
      XCTAssertTrue(result.stderr.contains(message), result.stderr)
    }
  }
}
