import BayesMMM
import Foundation
import XCTest

/// `bayes-mmm summarize` end to end: a small run sampled into a temporary folder, then
/// summarised in every format; the fixture run with effect columns; and the errors, which
/// name the file and exit with code 1.
final class SummarizeCommandTests: XCTestCase {
  /// A run of 2 chains x 60 draws, sampled once for every test of the class.
  private static let sampled = Result { () throws -> URL in
    let folder = try CLI.temporaryDirectory()
    let run = folder.appendingPathComponent("run")
    let result = try CLI.run([
      "sample", "--chains", "2", "--warmup", "150", "--draws", "60", "--seed", "5", "--quiet",
      "--out", run.path,
    ])
    guard result.status == 0 else { throw SampleFailure(stderr: result.stderr) }
    return run
  }

  private struct SampleFailure: Error { let stderr: String }

  private var fixture: String {
    CLI.packageRoot.appendingPathComponent("Tests/Fixtures/run-with-effects").path
  }

  override class func tearDown() {
    if let run = try? sampled.get() {
      try? FileManager.default.removeItem(at: run.deletingLastPathComponent())
    }
    super.tearDown()
  }

  func testTextOfASampledRun() throws {
    let run = try Self.sampled.get()
    let result = try CLI.run(["summarize", "--run", run.path])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "")
    for heading in ["DIAGNOSTICS", "SOCIAL EFFECTS ON REVENUE", "PRICE", "FIT", "PARAMETERS"] {
      XCTAssertTrue(result.stdout.contains("\n\(heading)\n"), heading)
    }
    XCTAssertTrue(result.stdout.contains("observed spend vs switched off"), result.stdout)
    XCTAssertTrue(result.stdout.contains("  instagram_spend  total"), result.stdout)
    XCTAssertTrue(result.stdout.contains("2 chains x 60 draws, seed 5"), result.stdout)
    XCTAssertTrue(result.stdout.contains("  beta_google  "), result.stdout)
  }

  func testJSONOfASampledRun() throws {
    let run = try Self.sampled.get()
    let result = try CLI.run(["summarize", "--run", run.path, "--format", "json", "--prob", "0.5"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let parameters = try XCTUnwrap(json["parameters"] as? [[String: Any]])
    XCTAssertEqual(parameters.count, 60 + EffectColumns.names(socialCount: 4).count)
    let choke = try XCTUnwrap(parameters.first { $0["name"] as? String == "price_choke_margin" })
    let median = try XCTUnwrap(choke["median"] as? Double)
    // --prob 0.5: the interval is the quartiles, inside the 90% interval of the choke price
    // ((1 + margin) times the median price).
    let lower = try XCTUnwrap(choke["lower"] as? Double)
    let upper = try XCTUnwrap(choke["upper"] as? Double)
    let price = try XCTUnwrap(json["price"] as? [String: Any])
    XCTAssertEqual(price["form"] as? String, "linear_demand")
    let medianPrice = try XCTUnwrap(price["median_price"] as? Double)
    let chokePrice = try XCTUnwrap(price["choke_price"] as? [String: Any])
    XCTAssertLessThan(try XCTUnwrap(chokePrice["lower90"] as? Double), (1 + lower) * medianPrice)
    XCTAssertLessThan(lower, median)
    XCTAssertLessThan(median, upper)
    XCTAssertLessThan((1 + upper) * medianPrice, try XCTUnwrap(chokePrice["upper90"] as? Double))
    XCTAssertEqual((price["elasticity_across_range"] as? [Any])?.count, 5)
    let peak = try XCTUnwrap(price["revenue_maximising_price"] as? [String: Any])
    XCTAssertEqual(peak["below_share"] as? Double, 1, "p (p_c - p) peaks at p_c / 2")
    // 4 channels x (direct, indirect, total) x (zero, plus10).
    XCTAssertEqual((json["effects"] as? [Any])?.count, 24)
    let fit = try XCTUnwrap(json["fit"] as? [String: Any])
    XCTAssertEqual(fit["weeks"] as? Double, 104)
    XCTAssertEqual(fit["draws"] as? Double, 120)
  }

  func testCSVAndMarkdownOfASampledRun() throws {
    let run = try Self.sampled.get()
    let csv = try CLI.run(["summarize", "--run", run.path, "--format", "csv"])
    XCTAssertEqual(csv.status, 0, csv.stderr)
    let lines = csv.stdout.split(separator: "\n")
    XCTAssertEqual(lines.first, "section,name,channel,effect,contrast,statistic,value")
    XCTAssertTrue(lines.contains { $0.hasPrefix("parameters,beta_google,,,,ess_bulk,") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("fit,coverage_90,,,,value,") })
    let markdown = try CLI.run(["summarize", "--run", run.path, "--format", "markdown"])
    XCTAssertEqual(markdown.status, 0, markdown.stderr)
    XCTAssertTrue(markdown.stdout.hasPrefix("# bayes-mmm summary of \(run.path)\n"))
    XCTAssertTrue(markdown.stdout.contains("\n## Parameters\n"))
    XCTAssertTrue(markdown.stdout.contains("| name | mean | sd | median | 5% | 95% |"))
  }

  func testFixtureWithEffectsReportsEffectsAndTheExtrapolation() throws {
    let result = try CLI.run(["summarize", "--run", fixture, "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let effects = try XCTUnwrap(json["effects"] as? [[String: Any]])
    XCTAssertEqual(effects.count, 24)
    let text = try CLI.run(["summarize", "--run", fixture])
    XCTAssertEqual(text.status, 0, text.stderr)
    XCTAssertTrue(text.stdout.contains("observed spend vs switched off"))
    XCTAssertTrue(text.stdout.contains("an extrapolation"))
  }

  func testMissingRunFolderIsAnErrorNamingIt() throws {
    let result = try CLI.run(["summarize", "--run", "/nonexistent/run"])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(
      result.stderr,
      "error: /nonexistent/run: no such run folder (write one with: bayes-mmm sample --out "
        + "/nonexistent/run)\n")
  }

  func testCorruptChainFileIsAnErrorNamingFileAndLine() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = folder.appendingPathComponent("run")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: fixture), to: run)
    let chain = run.appendingPathComponent("chain-2.csv")
    var lines = try String(contentsOf: chain, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("lp__") })
    let firstDraw = try XCTUnwrap(lines[(header + 1)...].firstIndex { !$0.hasPrefix("#") })
    lines[firstDraw] = lines[firstDraw].replacingOccurrences(of: ",", with: ",x", range: nil)
    try lines.joined(separator: "\n").write(to: chain, atomically: true, encoding: .utf8)
    let result = try CLI.run(["summarize", "--run", run.path])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(
      result.stderr.hasPrefix(
        "error: \(chain.path), line \(firstDraw + 1): column \"accept_stat__\": "),
      result.stderr)
  }

  func testChangedDataIsAnErrorNamingTheFileAndBothHashes() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("weekly.csv")
    try FileManager.default.copyItem(
      at: CLI.packageRoot.appendingPathComponent("data/mmm_weekly.csv"), to: data)
    let run = folder.appendingPathComponent("run")
    let sample = try CLI.run([
      "sample", "--data", data.path, "--chains", "1", "--warmup", "30", "--draws", "10",
      "--quiet", "--out", run.path,
    ])
    XCTAssertEqual(sample.status, 0, sample.stderr)
    let original = try Data(contentsOf: data)
    let changed = original + Data("\n".utf8)
    try changed.write(to: data)
    let result = try CLI.run(["summarize", "--run", run.path])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(
      result.stderr,
      "error: \(data.path): changed since the run (sha256 "
        + "\(SHA256.hexDigest(of: [UInt8](original))) recorded in \(run.path)/run.json, now "
        + "\(SHA256.hexDigest(of: [UInt8](changed)))); summarize needs the data the run was "
        + "fitted to\n")
  }

  func testProbabilityOutsideTheUnitIntervalIsAUsageError() throws {
    let result = try CLI.run(["summarize", "--prob", "1.5"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertNotEqual(result.status, 1)
    XCTAssertTrue(
      result.stderr.contains("--prob must lie strictly between 0 and 1."), result.stderr)
  }
}
