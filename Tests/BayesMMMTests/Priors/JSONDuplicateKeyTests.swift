import Foundation
import XCTest

@testable import BayesMMM

/// A key that appears twice in one object is found with its path; Foundation alone would keep
/// one of the two values without a word.
final class JSONDuplicateKeyTests: TemporaryFolderTestCase {
  private func duplicate(_ text: String) -> String? {
    JSONValue.firstDuplicateKey(in: Data(text.utf8))
  }

  func testFindsTheFirstDuplicateWithItsPath() {
    XCTAssertEqual(duplicate(#"{"a": 1, "a": 2}"#), "a")
    XCTAssertEqual(
      duplicate(#"{"model": {}, "priors": {"x": {"sd": [1]}, "r_sd": 1, "r_sd": 2}}"#),
      "priors.r_sd")
    XCTAssertEqual(duplicate(#"{"a": [{"b": 1}, {"c": 1, "c": 2}]}"#), "a[1].c")
    XCTAssertEqual(duplicate(#"{"a": {"b": 1, "b": 2}, "a": 3}"#), "a.b")
  }

  func testKeysAreComparedAfterUnescaping() {
    XCTAssertEqual(duplicate(#"{"ab": 1, "a\u0062": 2}"#), "ab")
    XCTAssertEqual(duplicate(#"{"q\"": 1, "q\u0022": 2}"#), "q\"")
  }

  func testTheSameKeyInDifferentObjectsIsFine() {
    XCTAssertNil(duplicate(#"{"a": {"sd": 1}, "b": {"sd": 1}, "c": [{"sd": 1}, {"sd": 2}]}"#))
    XCTAssertNil(duplicate(#"{"a": "a", "b": ["a", "a"], "c": "{\"a\": 1, \"a\": 2}"}"#))
    XCTAssertNil(duplicate(#"[1, 2.5e-3, true, false, null, "x"]"#))
    XCTAssertNil(duplicate("{}"))
  }

  func testTheBundledPriorsHaveNoDuplicate() throws {
    let path = DataFixtures.packageRoot.appendingPathComponent("priors/default.json").path
    XCTAssertNil(JSONValue.firstDuplicateKey(in: try Data(contentsOf: URL(fileURLWithPath: path))))
  }

  func testAPriorsFileWithADuplicateKeyIsAnErrorNamingThePath() throws {
    let path = DataFixtures.packageRoot.appendingPathComponent("priors/default.json").path
    let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
      of: "\"model\": {", with: "\"model\": {\n    \"student_t_nu\": 30,")
    let file = try write(text, to: "priors.json")
    XCTAssertThrowsError(try PriorsConfiguration(contentsOf: file)) { error in
      XCTAssertEqual(
        "\(error)",
        "\(file): key \"model.student_t_nu\": duplicate key; each key may appear only once in "
          + "an object")
    }
  }
}
