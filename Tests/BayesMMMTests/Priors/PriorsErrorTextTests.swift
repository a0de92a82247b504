import XCTest

@testable import BayesMMM

/// What a user sees of a priors error: control characters from the file are escaped.
final class PriorsErrorTextTests: XCTestCase {
  func testControlCharactersInAKeyAreEscaped() {
    let json: JSONValue = ["model": [:], "pri\u{0}ors": [:]]
    XCTAssertThrowsError(try PriorsConfiguration(json: json, source: "priors.json")) { error in
      XCTAssertEqual(
        "\(error)",
        "priors.json: key \"pri\\u{0}ors\": unknown key (expected model, priors, channels)")
    }
  }
}
