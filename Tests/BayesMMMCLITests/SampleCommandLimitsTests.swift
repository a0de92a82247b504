import Foundation
import XCTest

/// `sample` at the edges of its settings (issue 12, defects 7 and 12): a run too large for
/// the machine, a seed that is not a whole number, a single chain.
final class SampleCommandLimitsTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  func testARunTooLargeForTheMachineIsRefusedBeforeSamplingAndWritesNothing() throws {
    let out = folder.appendingPathComponent("huge").path
    let result = try CLI.run(["sample", "--out", out, "--draws", "1000000000", "--quiet"])
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(
      result.stderr.contains(
        "error: This run needs about 97.7 TiB of memory (4 chains x 1000000000 draws x 642 "
          + "columns, 10 mediator paths), more than the "),
      result.stderr)
    XCTAssertTrue(result.stderr.contains("Lower --draws or --chains"), result.stderr)
    XCTAssertFalse(result.stderr.contains("sampled"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
  }

  func testANegativeSeedIsRefusedWithTheRangeNotMissingValue() throws {
    for command in [
      ["sample"], ["prior-predictive"], ["simulate", "--out", "x.csv"], ["diagnose"],
    ] {
      let result = try CLI.run(command + ["--seed", "-1"])
      XCTAssertNotEqual(result.status, 0, "\(command)")
      XCTAssertTrue(
        result.stderr.contains(
          "Error: The value '-1' is invalid for '--seed <seed>': a seed is a whole number from "
            + "0 to 18446744073709551615; got '-1'."),
        "\(command): \(result.stderr)")
      XCTAssertFalse(result.stderr.contains("Missing value"), result.stderr)
    }
  }

  func testOneChainSaysRHatNeedsTwoChainsInsteadOfChainsDisagree() throws {
    let out = folder.appendingPathComponent("one").path
    let result = try CLI.run([
      "sample", "--out", out, "--chains", "1", "--warmup", "150", "--draws", "100", "--quiet",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(
      result.stderr.contains(
        "warning: R-hat needs 2 or more chains; with 1 chain, whether chains agree was not "
          + "checked."),
      result.stderr)
    XCTAssertFalse(result.stderr.contains("chains disagree"), result.stderr)
    let summary = try CLI.run(["summarize", "--run", out])
    XCTAssertEqual(summary.status, 0, summary.stderr)
    XCTAssertTrue(
      summary.stdout.contains("max R-hat         not defined for 1 chain"), summary.stdout)
    XCTAssertFalse(summary.stdout.contains("chains disagree"), summary.stdout)
  }
}

/// `sample` and `summarize` judge the same columns with the same words (one run verdict).
final class RunVerdictAgreementTests: XCTestCase {
  func testSummarizeGivesTheWarningsSampleRecorded() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("run").path
    let sampled = try CLI.run([
      "sample", "--out", out, "--chains", "2", "--warmup", "100", "--draws", "60", "--quiet",
    ])
    XCTAssertEqual(sampled.status, 0, sampled.stderr)
    let record = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))
        as? [String: Any])
    let recorded = try XCTUnwrap(
      (record["diagnostics"] as? [String: Any])?["warnings"] as? [String])
    XCTAssertFalse(recorded.isEmpty, "60 draws per chain should warn about ESS")
    let summary = try CLI.run(["summarize", "--run", out, "--format", "json"])
    XCTAssertEqual(summary.status, 0, summary.stderr)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
    let summarized = try XCTUnwrap(
      (json["diagnostics"] as? [String: Any])?["warnings"] as? [String])
    XCTAssertEqual(summarized, recorded)
  }
}

/// Sizes and paths refused before any work (issue 12, defects 1 and 7, found in review).
final class OutputLimitTests: XCTestCase {
  func testAnEmptyOutIsRefusedInsteadOfWritingAtTheRoot() throws {
    for command in [["sample"], ["prior-predictive"]] {
      let result = try CLI.run(command + ["--out", ""])
      XCTAssertEqual(result.status, 1, "\(command): \(result.stderr)")
      XCTAssertTrue(result.stderr.contains("is empty; name a folder"), result.stderr)
    }
    let report = try CLI.run(["report", "--run", "Tests/Fixtures/run-with-effects", "--out", ""])
    XCTAssertEqual(report.status, 1, report.stderr)
    XCTAssertTrue(report.stderr.contains("is empty; name a file"), report.stderr)
  }

  func testHugePriorPredictiveAndSimulationSizesAreRefusedBeforeAllocating() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let draws = try CLI.run([
      "prior-predictive", "--draws", "100000000000", "--out",
      folder.appendingPathComponent("pp").path,
    ])
    XCTAssertEqual(draws.status, 1, draws.stderr)
    XCTAssertTrue(draws.stderr.contains("of memory (100000000000 prior draws x "), draws.stderr)
    XCTAssertTrue(draws.stderr.contains("Lower --draws."), draws.stderr)
    let weeks = try CLI.run([
      "simulate", "--weeks", "100000000000", "--out", folder.appendingPathComponent("s.csv").path,
    ])
    XCTAssertEqual(weeks.status, 1, weeks.stderr)
    XCTAssertTrue(weeks.stderr.contains("Lower --weeks."), weeks.stderr)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
  }
}

/// `simulate` writes both its files or neither (found in review).
final class SimulateOutputsTests: XCTestCase {
  func testATruthFileUnderAFileIsRefusedBeforeTheCSVIsWritten() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "x\n".write(
      to: folder.appendingPathComponent("afile"), atomically: true, encoding: .utf8)
    let csv = folder.appendingPathComponent("n.csv").path
    let result = try CLI.run([
      "simulate", "--out", csv, "--truth-out", folder.appendingPathComponent("afile/t.json").path,
    ])
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stderr.contains("afile is a file, not a folder"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: csv))
  }
}
