import Foundation
import XCTest

@testable import BayesMMM

final class JSONValueTests: XCTestCase {
  func testParsesEveryKindAndSortsObjectKeys() throws {
    let text =
      #"{"z": 1, "a": true, "m": [1, 2.5, "x\n\"y\"", null, false, 0], "b": {"q": -1e-300}}"#
    let value = try JSONValue(parsing: Data(text.utf8))
    let expected: JSONValue = [
      "a": true,
      "b": ["q": -1e-300],
      "m": [1, 2.5, "x\n\"y\"", nil, false, 0],
      "z": 1,
    ]
    XCTAssertEqual(value, expected)
  }

  func testBooleansAndNumbersStayApart() throws {
    let value = try JSONValue(parsing: Data("[true, 1, 0, false]".utf8))
    XCTAssertEqual(value, [true, 1, 0, false])
    XCTAssertEqual(value.arrayValue?[1].boolValue, nil)
    XCTAssertEqual(value.arrayValue?[0].numberValue, nil)
  }

  func testMalformedTextGivesAParseError() {
    for text in ["{\"a\": 1,\n \"b\": }", "{\"a\": [1, 2", "", "{\"a\": 1e400}"] {
      XCTAssertThrowsError(try JSONValue(parsing: Data(text.utf8)), text) { error in
        guard let parseError = error as? JSONValue.ParseError else {
          return XCTFail("unexpected error \(error)")
        }
        XCTAssertTrue(parseError.description.hasPrefix("invalid JSON: "))
        XCTAssertFalse(parseError.reason.isEmpty)
      }
    }
  }

  func testCompactSerialization() {
    let value: JSONValue = [
      "family": "normal", "mean": 0, "sd": 0.1, "tiny": 1e-5, "big": 1e300,
      "huge_integer": 12_345_678_901_234_567_890.0, "negative_zero": -0.0,
      "third": .number(1.0 / 3),
      "flags": [true, false, nil], "empty": [], "nothing": [:],
    ]
    XCTAssertEqual(
      value.serialized(pretty: false),
      #"{"family": "normal", "mean": 0, "sd": 0.1, "tiny": 1e-05, "big": 1e+300, "#
        + #""huge_integer": 1.2345678901234567e+19, "negative_zero": -0, "#
        + #""third": 0.3333333333333333, "flags": [true, false, null], "empty": [], "#
        + #""nothing": {}}"#)
  }

  func testPrettySerialization() {
    let value: JSONValue = ["name": "rhat", "values": [1.01, 0.99], "meta": ["ok": true], "e": []]
    XCTAssertEqual(
      value.serialized(),
      """
      {
        "name": "rhat",
        "values": [
          1.01,
          0.99
        ],
        "meta": {
          "ok": true
        },
        "e": []
      }
      """)
  }

  func testNonFiniteNumbersAreWrittenAsNull() {
    let value: JSONValue = [.number(.nan), .number(.infinity), .number(-.infinity)]
    XCTAssertEqual(value.serialized(pretty: false), "[null, null, null]")
  }

  func testStringEscapes() {
    let value: JSONValue = .string("quote \" backslash \\ tab \t newline \n bell \u{07} é")
    XCTAssertEqual(
      value.serialized(), #""quote \" backslash \\ tab \t newline \n bell \u0007 é""#)
  }

  func testSerializedTextParsesBackToTheSameValue() throws {
    let value: JSONValue = [
      "a": [
        0.1, .number(Double.leastNormalMagnitude / 4), -2.5e17, 123_456.789,
        .number(.leastNonzeroMagnitude), 1.7976931348623157e308,
      ],
      "b": ["c": "d\u{01}", "e": nil],
    ]
    for pretty in [true, false] {
      let text = value.serialized(pretty: pretty)
      XCTAssertEqual(try JSONValue(parsing: Data(text.utf8)), value, text)
    }
  }

  func testCodableThroughJSONEncoder() throws {
    let value: JSONValue = ["b": [1, "two", false, nil], "a": ["x": 0.5]]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(value)
    XCTAssertEqual(
      String(decoding: data, as: UTF8.self), #"{"a":{"x":0.5},"b":[1,"two",false,null]}"#)
    let decoded = try JSONDecoder().decode(JSONValue.self, from: data)
    XCTAssertEqual(decoded, ["a": ["x": 0.5], "b": [1, "two", false, nil]])
  }

  func testEqualityIsOrderSensitiveForObjects() {
    XCTAssertNotEqual(["a": 1, "b": 2] as JSONValue, ["b": 2, "a": 1] as JSONValue)
    XCTAssertNotEqual(JSONValue.number(1), JSONValue.bool(true))
    XCTAssertEqual((["a": 1, "b": 2] as JSONValue)["b"], 2)
    XCTAssertNil((["a": 1] as JSONValue)["b"])
    XCTAssertNil(JSONValue.number(1)["a"])
  }

  func testKindDescriptions() {
    let values: [JSONValue] = [nil, true, 1, "s", [], [:]]
    XCTAssertEqual(
      values.map(\.kindDescription),
      ["null", "a boolean", "a number", "a string", "an array", "an object"])
  }
}
