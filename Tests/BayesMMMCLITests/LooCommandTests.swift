import Foundation
import XCTest

/// `bayes-mmm loo` on a short run: text and JSON with the keys issue 14 names.
final class LooCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  func testJSONHasTheLooFiguresAndOneKPerWeek() throws {
    let out = try CLI.shortRun(in: folder)
    let result = try CLI.run(["loo", "--run", out, "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    for key in [
      "elpd_loo", "se", "p_loo", "looic", "pareto_k", "pareto_k_counts", "r_eff", "equations",
    ] {
      XCTAssertNotNil(json[key], key)
    }
    let k = try XCTUnwrap(json["pareto_k"] as? [Double])
    XCTAssertEqual(k.count, 104)
    let counts = try XCTUnwrap(json["pareto_k_counts"] as? [String: Double])
    XCTAssertEqual(counts.values.reduce(0, +), 104)
    let elpd = try XCTUnwrap(json["elpd_loo"] as? Double)
    XCTAssertEqual(try XCTUnwrap(json["looic"] as? Double), -2 * elpd, accuracy: 1e-9 * abs(elpd))
    let text = try CLI.run(["loo", "--run", out])
    XCTAssertEqual(text.status, 0, text.stderr)
    XCTAssertTrue(text.stdout.hasPrefix("PSIS-LOO (200 draws"), text.stdout)
    XCTAssertTrue(text.stdout.contains("\njoint "), text.stdout)
  }

  func testAMissingRunIsAnErrorNamingIt() throws {
    let result = try CLI.run(["loo", "--run", folder.appendingPathComponent("nope").path])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("nope"), result.stderr)
  }
}
