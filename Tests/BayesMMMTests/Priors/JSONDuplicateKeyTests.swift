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

  /// Random documents, written by `serialized(pretty:)` with escapes in their keys: the scan
  /// finds the same first duplicate as a walk over the values, in document order.
  func testRandomDocumentsAgreeWithAWalkOverTheValues() {
    var withDuplicates = 0
    for seed in UInt64(1)...300 {
      var generator = RepeatableGenerator(seed: seed)
      let document = randomValue(depth: 0, generator: &generator)
      if firstDuplicate(in: document, path: "") != nil { withDuplicates += 1 }
      for pretty in [false, true] {
        let text = document.serialized(pretty: pretty)
        XCTAssertEqual(
          JSONValue.firstDuplicateKey(in: Data(text.utf8)),
          firstDuplicate(in: document, path: ""),
          "seed \(seed): \(text)")
      }
    }
    XCTAssertGreaterThan(withDuplicates, 50, "the documents must exercise duplicates")
  }

  private func firstDuplicate(in value: JSONValue, path: String) -> String? {
    switch value {
    case .object(let members):
      var seen: Set<String> = []
      for member in members {
        let keyPath = path.isEmpty ? member.key : "\(path).\(member.key)"
        if !seen.insert(member.key).inserted { return keyPath }
        if let found = firstDuplicate(in: member.value, path: keyPath) { return found }
      }
      return nil
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        if let found = firstDuplicate(in: element, path: "\(path)[\(index)]") { return found }
      }
      return nil
    default:
      return nil
    }
  }

  private func randomValue(depth: Int, generator: inout RepeatableGenerator) -> JSONValue {
    let keys = ["a", "b", "sd", "é", "q\"", "back\\slash", "tab\t", "nul\u{0}", "😀", "a.b"]
    // The top level is always an object, as in a priors or roles file.
    let kind = depth == 0 ? 5 : depth >= 3 ? generator.next(below: 4) : generator.next(below: 6)
    switch kind {
    case 0: return .number(Double(generator.next(below: 2000)) / 8 - 100)
    case 1: return .string(keys[generator.next(below: keys.count)])
    case 2: return generator.next(below: 2) == 0 ? .bool(true) : .null
    case 3: return .array([])
    case 4:
      return .array(
        (0..<generator.next(below: 4)).map { _ in
          randomValue(depth: depth + 1, generator: &generator)
        })
    default:
      return .object(
        (0..<generator.next(below: 6)).map { _ in
          (key: keys[generator.next(below: keys.count)],
           value: randomValue(depth: depth + 1, generator: &generator))
        })
    }
  }
}

/// SplitMix64: the same stream for the same seed on every machine.
private struct RepeatableGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next(below bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
}
