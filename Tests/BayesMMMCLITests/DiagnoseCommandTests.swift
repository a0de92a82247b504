import Foundation
import XCTest

final class DiagnoseCommandTests: XCTestCase {
  func testDiagnoseOnBundledDataPassesWithJSONKeys() throws {
    let result = try CLI.run(["diagnose", "--points", "2", "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(json["parameters"] as? Double, 60)
    XCTAssertEqual(json["points"] as? Double, 2)
    let maxRelative = try XCTUnwrap(json["max_relative_error"] as? Double)
    XCTAssertLessThanOrEqual(maxRelative, 1e-6)
    XCTAssertNotNil(json["max_absolute_error"] as? Double)
    XCTAssertGreaterThan(try XCTUnwrap(json["seconds_per_gradient"] as? Double), 0)
  }

  func testDiagnoseFailsWithExitCodeOneWhenToleranceIsImpossible() throws {
    let result = try CLI.run(["diagnose", "--points", "1", "--tolerance", "1e-30"])
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stdout.contains("FAILED"), result.stdout)
  }

  func testMalformedPriorsFileIsAnErrorNamingTheKey() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = CLI.packageRoot.appendingPathComponent("priors/default.json")
    let text = try String(contentsOf: source, encoding: .utf8)
      .replacingOccurrences(
        of: #""promo_lift": {"family": "normal", "mean": 0, "sd": 1}"#,
        with: #""promo_lift": {"family": "normal", "mean": 0, "sd": -2}"#)
    let path = folder.appendingPathComponent("bad.json").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try CLI.run(["diagnose", "--priors", path])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr, "error: \(path): key \"priors.promo_lift.sd\": must be > 0, got -2\n")
    XCTAssertEqual(result.stdout, "")
  }
}
