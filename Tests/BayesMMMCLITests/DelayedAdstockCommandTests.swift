import Foundation
import XCTest

/// `priors/delayed-adstock.json` end to end: `diagnose` agrees with finite differences,
/// `sample` runs without divergences, `summarize` prints the effects, `prior-predictive`
/// runs (issue 13's proof of a second adstock form).
final class DelayedAdstockCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  private let priors = ["--priors", "priors/delayed-adstock.json"]

  func testDiagnosePassesOnTheBundledData() throws {
    let result = try CLI.run(["diagnose", "--points", "2"] + priors)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("parameters            67"), result.stdout)
    XCTAssertTrue(
      result.stdout.contains("verdict               gradient agrees with finite differences"),
      result.stdout)
  }

  func testSampleAndSummarizeReportTheEffectsWithoutDivergences() throws {
    let out = folder.appendingPathComponent("run").path
    let sample = try CLI.run(
      ["sample", "--out", out, "--chains", "2", "--warmup", "200", "--draws", "100", "--quiet"]
        + priors)
    XCTAssertEqual(sample.status, 0, sample.stderr)
    XCTAssertFalse(sample.stderr.contains("divergen"), sample.stderr)
    let chain = try String(contentsOfFile: out + "/chain-1.csv", encoding: .utf8)
    XCTAssertTrue(chain.contains(",adstock_peak_delay_social.1,"))
    let summary = try CLI.run(["summarize", "--run", out])
    XCTAssertEqual(summary.status, 0, summary.stderr)
    XCTAssertTrue(summary.stdout.contains("SOCIAL EFFECTS ON REVENUE"), summary.stdout)
    XCTAssertTrue(summary.stdout.contains("adstock_peak_delay_google"), summary.stdout)
  }

  func testPriorPredictiveRuns() throws {
    let out = folder.appendingPathComponent("pp").path
    let result = try CLI.run(["prior-predictive", "--draws", "50", "--out", out] + priors)
    XCTAssertEqual(result.status, 0, result.stderr)
  }
}
