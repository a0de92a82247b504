import Foundation
import XCTest

/// `bayes-mmm compare`: runs of the same data ranked by PSIS-LOO, runs of other data refused.
final class CompareCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  private func shortRun(_ name: String, seed: Int, data: String? = nil) throws -> String {
    try CLI.shortRun(
      in: folder, name: name, extra: ["--seed", "\(seed)"] + (data.map { ["--data", $0] } ?? []))
  }

  func testRunsOfTheSameDataAreRankedWithDifferencesAsAzCompare() throws {
    let first = try shortRun("a", seed: 1)
    let second = try shortRun("b", seed: 2)
    let result = try CLI.run(["compare", first, second, "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let models = try XCTUnwrap(json["models"] as? [[String: Any]])
    XCTAssertEqual(models.count, 2)
    XCTAssertEqual(Set(models.compactMap { $0["run"] as? String }), [first, second])
    XCTAssertEqual(models.compactMap { $0["rank"] as? Double }, [0, 1])
    for key in ["elpd_loo", "se", "p_loo", "elpd_diff", "se_diff", "pareto_k_counts"] {
      XCTAssertNotNil(models[1][key], key)
    }
    XCTAssertEqual(models[0]["elpd_diff"] as? Double, 0)
    let best = try XCTUnwrap(models[0]["elpd_loo"] as? Double)
    let other = try XCTUnwrap(models[1]["elpd_loo"] as? Double)
    XCTAssertEqual(try XCTUnwrap(models[1]["elpd_diff"] as? Double), best - other, accuracy: 1e-9)
    let text = try CLI.run(["compare", first, second])
    XCTAssertEqual(text.status, 0, text.stderr)
    XCTAssertTrue(text.stdout.contains("elpd_diff"), text.stdout)
  }

  func testRunsOfDifferentDataAreRefusedNamingTheKey() throws {
    let original = try shortRun("a", seed: 1)
    let source = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("data/mmm_weekly.csv"), encoding: .utf8)
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.removeLast(lines.last == "" ? 2 : 1)  // one week fewer: other data
    let shorter = folder.appendingPathComponent("shorter.csv").path
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: shorter, atomically: true, encoding: .utf8)
    let other = try shortRun("b", seed: 1, data: shorter)
    let result = try CLI.run(["compare", original, other])
    XCTAssertEqual(result.status, 1, result.stdout)
    XCTAssertTrue(result.stderr.contains("data.sha256"), result.stderr)
    XCTAssertTrue(result.stderr.contains("only runs of the same data compare"), result.stderr)
  }

  func testOneRunIsNotAComparison() throws {
    let result = try CLI.run(["compare", folder.path])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("at least two run folders"), result.stderr)
  }
}
