import Foundation
import XCTest

/// Every command that writes replaces only what it wrote itself: an `--out` that holds
/// anything else is refused with exit 1 and left untouched (issue 12, defect 1).
final class OutputOwnershipTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  private let small = [
    "--chains", "2", "--warmup", "60", "--draws", "20", "--mediator-paths", "2", "--quiet",
  ]
  private var bundledData: URL { CLI.packageRoot.appendingPathComponent("data/mmm_weekly.csv") }
  private var fixture: URL {
    CLI.packageRoot.appendingPathComponent("Tests/Fixtures/run-with-effects")
  }

  private func listing(_ url: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }

  func testSampleIntoAProjectFolderIsRefusedAndLeavesItsFiles() throws {
    let project = folder.appendingPathComponent("p")
    try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: bundledData, to: project.appendingPathComponent("my.csv"))
    try "keep\n".write(
      to: project.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
    let before = try CLI.snapshot(project)
    let result = try CLI.run(["sample", "--data", "my.csv", "--out", "."] + small, in: project)
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertEqual(
      result.stderr,
      "error: . exists and is not a bayes-mmm run folder (no run.json); choose another --out "
        + "or remove it yourself\n")
    XCTAssertEqual(try CLI.snapshot(project), before)
  }

  func testPriorPredictiveIntoTheDataFolderIsRefusedAndLeavesTheData() throws {
    let data = folder.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: bundledData, to: data.appendingPathComponent("mmm_weekly.csv"))
    let before = try CLI.snapshot(folder)
    let result = try CLI.run(["prior-predictive", "--draws", "20", "--out", "data"], in: folder)
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertEqual(
      result.stderr,
      "error: data exists and is not a bayes-mmm prior-predictive folder (no summary.json); "
        + "choose another --out or remove it yourself\n")
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(try CLI.snapshot(folder), before)
  }

  func testAnExistingFileIsRefusedAsAnOutputFolder() throws {
    let notes = folder.appendingPathComponent("notes.txt")
    try "my notes\n".write(to: notes, atomically: true, encoding: .utf8)
    let sample = try CLI.run(["sample", "--out", "notes.txt"] + small, in: folder)
    XCTAssertEqual(sample.status, 1, sample.stderr)
    XCTAssertEqual(
      sample.stderr,
      "error: notes.txt exists and is not a bayes-mmm run folder (it is a file); choose "
        + "another --out or remove it yourself\n")
    let prior = try CLI.run(
      ["prior-predictive", "--draws", "20", "--out", "notes.txt"], in: folder)
    XCTAssertEqual(prior.status, 1, prior.stderr)
    XCTAssertTrue(prior.stderr.hasPrefix("error: notes.txt exists and is not"), prior.stderr)
    XCTAssertEqual(try String(contentsOf: notes, encoding: .utf8), "my notes\n")
    XCTAssertEqual(try listing(folder), ["notes.txt"])
  }

  func testASecondSampleReplacesTheEarlierRunAndKeepsForeignFiles() throws {
    let run = folder.appendingPathComponent("runs/x")
    let first = try CLI.run(
      ["sample", "--out", "runs/x", "--seed", "1"] + small + ["--chains", "4"], in: folder)
    XCTAssertEqual(first.status, 0, first.stderr)
    XCTAssertEqual(
      try listing(run), ["chain-1.csv", "chain-2.csv", "chain-3.csv", "chain-4.csv", "run.json"])
    try "keep\n".write(
      to: run.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
    let oldChain = try Data(contentsOf: run.appendingPathComponent("chain-1.csv"))

    let second = try CLI.run(["sample", "--out", "runs/x", "--seed", "2"] + small, in: folder)
    XCTAssertEqual(second.status, 0, second.stderr)
    XCTAssertEqual(try listing(run), ["chain-1.csv", "chain-2.csv", "notes.md", "run.json"])
    XCTAssertEqual(try listing(folder.appendingPathComponent("runs")), ["x"])
    XCTAssertNotEqual(try Data(contentsOf: run.appendingPathComponent("chain-1.csv")), oldChain)
    XCTAssertEqual(
      try String(contentsOf: run.appendingPathComponent("notes.md"), encoding: .utf8), "keep\n")
    let summarized = try CLI.run(
      ["summarize", "--run", "runs/x", "--data", bundledData.path], in: folder)
    XCTAssertEqual(summarized.status, 0, summarized.stderr)
  }

  func testAnEmptyFolderIsUsedAndAMissingOneIsCreatedWithItsParents() throws {
    let empty = folder.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let prior = try CLI.run(["prior-predictive", "--draws", "20", "--out", "empty"], in: folder)
    XCTAssertEqual(prior.status, 0, prior.stderr)
    XCTAssertEqual(
      try listing(empty),
      ["bands.csv", "google_spend.csv", "parameters.csv", "revenue.csv", "summary.json"])
    let again = try CLI.run(["prior-predictive", "--draws", "30", "--out", "empty"], in: folder)
    XCTAssertEqual(again.status, 0, again.stderr)
    let nested = try CLI.run(["prior-predictive", "--draws", "20", "--out", "a/b/c"], in: folder)
    XCTAssertEqual(nested.status, 0, nested.stderr)
    XCTAssertEqual(try listing(folder.appendingPathComponent("a/b/c")).count, 5)
    let overRun = try CLI.run(["sample", "--out", "empty"] + small, in: folder)
    XCTAssertEqual(overRun.status, 1)
    XCTAssertEqual(
      overRun.stderr,
      "error: empty exists and is not a bayes-mmm run folder (no run.json); choose another "
        + "--out or remove it yourself\n")
  }

  func testReportCreatesAMissingFolderAndReplacesOnlyItsOwnReport() throws {
    let out = "reports/new/report.html"
    let report = ["report", "--run", fixture.path, "--data", bundledData.path, "--draws", "20"]
    let first = try CLI.run(report + ["--out", out], in: folder)
    XCTAssertEqual(first.status, 0, first.stderr)
    let html = try String(contentsOf: folder.appendingPathComponent(out), encoding: .utf8)
    XCTAssertTrue(html.contains("<meta name=\"generator\" content=\"bayes-mmm\"/>"))
    let again = try CLI.run(report + ["--out", out], in: folder)
    XCTAssertEqual(again.status, 0, again.stderr)
    XCTAssertEqual(try listing(folder.appendingPathComponent("reports/new")), ["report.html"])

    let mine = folder.appendingPathComponent("mine.html")
    try "<html>my page</html>\n".write(to: mine, atomically: true, encoding: .utf8)
    let refused = try CLI.run(report + ["--out", "mine.html"], in: folder)
    XCTAssertEqual(refused.status, 1)
    XCTAssertEqual(
      refused.stderr,
      "error: mine.html exists and is not a bayes-mmm report (no <meta name=\"generator\" "
        + "content=\"bayes-mmm\"/>); choose another --out or remove it yourself\n")
    XCTAssertEqual(try String(contentsOf: mine, encoding: .utf8), "<html>my page</html>\n")
  }

  func testSimulateRefusesToReplaceAForeignCSVOrJSON() throws {
    let simulate = ["simulate", "--weeks", "20", "--seed", "3", "--effect-paths", "5"]
    let made = try CLI.run(
      simulate + ["--out", "sim.csv", "--truth-out", "truth.json"], in: folder)
    XCTAssertEqual(made.status, 0, made.stderr)
    let again = try CLI.run(
      simulate + ["--out", "sim.csv", "--truth-out", "truth.json"], in: folder)
    XCTAssertEqual(again.status, 0, "the same output again is no change: \(again.stderr)")
    let other = try CLI.run(
      [
        "simulate", "--weeks", "20", "--seed", "4", "--out", "other.csv", "--truth-out",
        "truth.json", "--effect-paths", "5",
      ], in: folder)
    XCTAssertEqual(other.status, 0, "our own truth file is replaced: \(other.stderr)")

    let mine = folder.appendingPathComponent("mine.csv")
    try "a,b\n1,2\n".write(to: mine, atomically: true, encoding: .utf8)
    let csv = try CLI.run(simulate + ["--out", "mine.csv"], in: folder)
    XCTAssertEqual(csv.status, 1)
    XCTAssertEqual(
      csv.stderr,
      "error: mine.csv exists and is not this simulation (a CSV carries no marker of "
        + "bayes-mmm, so only identical content is replaced); choose another --out or remove "
        + "it yourself\n")
    let json = folder.appendingPathComponent("mine.json")
    try "{\"a\": 1}\n".write(to: json, atomically: true, encoding: .utf8)
    let truth = try CLI.run(
      simulate + ["--out", "new.csv", "--truth-out", "mine.json"], in: folder)
    XCTAssertEqual(truth.status, 1)
    XCTAssertEqual(
      truth.stderr,
      "error: mine.json exists and is not a bayes-mmm truth file (no \"tool\": \"bayes-mmm\"); "
        + "choose another --truth-out or remove it yourself\n")
    XCTAssertEqual(try String(contentsOf: mine, encoding: .utf8), "a,b\n1,2\n")
    XCTAssertEqual(try String(contentsOf: json, encoding: .utf8), "{\"a\": 1}\n")
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("new.csv").path),
      "nothing is written when one of the outputs is refused")
  }

  /// Relative single-file outputs: "./report.html", a one-letter name or folder, ".". The
  /// parent walk of the ownership check used to trap (SIGILL) on a one-character path.
  func testSingleFileOutputsTakeDotAndOneLetterPathsWithoutCrashing() throws {
    let report = ["report", "--run", fixture.path, "--data", bundledData.path, "--draws", "20"]
    for out in ["./report.html", "r", "d/report.html", "./e/./report.html"] {
      let result = try CLI.run(report + ["--out", out], in: folder)
      XCTAssertEqual(result.status, 0, "\(out): \(result.stderr)")
      XCTAssertEqual(result.stderr, "wrote \(out)\n")
    }
    XCTAssertEqual(try listing(folder), ["d", "e", "r", "report.html"])
    let simulate = ["simulate", "--weeks", "20", "--seed", "3", "--effect-paths", "5"]
    let simulated = try CLI.run(simulate + ["--out", "s/sim.csv", "--truth-out", "t"], in: folder)
    XCTAssertEqual(simulated.status, 0, simulated.stderr)
    XCTAssertEqual(try listing(folder.appendingPathComponent("s")), ["sim.csv"])

    let before = try CLI.snapshot(folder)
    for out in [".", "./", "x/.", "x/.."] {
      let refused = try CLI.run(report + ["--out", out], in: folder)
      XCTAssertEqual(refused.status, 1, "\(out): \(refused.stderr)")
      XCTAssertTrue(refused.stderr.hasPrefix("error: \(out) "), refused.stderr)
    }
    // A truth file named like a folder is refused before the CSV is written.
    let truth = try CLI.run(simulate + ["--out", "new.csv", "--truth-out", "t2/"], in: folder)
    XCTAssertEqual(truth.status, 1, truth.stderr)
    XCTAssertEqual(
      truth.stderr,
      "error: t2/ names a folder, not a file; choose another --truth-out or remove it "
        + "yourself\n")
    XCTAssertEqual(try CLI.snapshot(folder), before)
  }
}
