import XCTest
@testable import BayesMMM

final class DataColumnRolesTests: XCTestCase {
  private func decode(_ json: String) throws -> ColumnRoles {
    try ColumnRoles.decode(Data(json.utf8), source: "roles.json")
  }

  private func assertError(_ json: String, _ expected: String, line: UInt = #line) {
    XCTAssertThrowsError(try decode(json), line: line) { error in
      XCTAssertEqual("\(error)", expected, line: line)
    }
  }

  func testDefaultsFollowTheBundledSchema() {
    let roles = ColumnRoles()
    XCTAssertEqual(roles.date, "week")
    XCTAssertEqual(roles.outcome, "revenue")
    XCTAssertEqual(roles.mediator, "google_spend")
    XCTAssertEqual(roles.social,
                   ["facebook_spend", "tiktok_spend", "instagram_spend", "snapchat_spend"])
    XCTAssertEqual(roles.owned, ["emails_send", "sms_send"])
    XCTAssertEqual(roles.price, "average_price")
    XCTAssertEqual(roles.promotion, "promotions")
    XCTAssertEqual(roles.controls, [])
    XCTAssertEqual(roles.downstreamOfSocial, ["social_followers"])
  }

  func testAbsentKeysKeepDefaults() throws {
    let roles = try decode(#"{"outcome": "sales", "social": ["meta", "tiktok"], "owned": []}"#)
    XCTAssertEqual(roles.outcome, "sales")
    XCTAssertEqual(roles.social, ["meta", "tiktok"])
    XCTAssertEqual(roles.owned, [])
    XCTAssertEqual(roles.mediator, "google_spend")
    XCTAssertEqual(try decode("{}"), ColumnRoles())
  }

  /// Issue 12.9: `"price": null` used to keep `average_price`; null now leaves the role out.
  func testNullPriceAndPromotionLeaveThoseRolesOut() throws {
    let roles = try decode(#"{"price": null, "promotion": null}"#)
    XCTAssertNil(roles.price as String?)
    XCTAssertNil(roles.promotion as String?)
    XCTAssertEqual(
      roles.assignments.map(\.column),
      ["week", "revenue", "google_spend", "facebook_spend", "tiktok_spend", "instagram_spend",
       "snapchat_spend", "emails_send", "sms_send"])
  }

  func testRolesWithoutPriceEncodeNullAndRoundTrip() throws {
    let roles = ColumnRoles(price: nil, promotion: nil)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(roles), as: UTF8.self)
    XCTAssertTrue(json.contains(#""price":null"#), json)
    XCTAssertTrue(json.contains(#""promotion":null"#), json)
    XCTAssertEqual(try decode(json), roles)
    XCTAssertEqual(try decode(#"{"price": "p"}"#).price, "p")
    assertError(#"{"price": 3}"#, "roles.json: key \"price\": expected a column name (a string)")
  }

  func testEncodesWithSnakeCaseKeysAndRoundTrips() throws {
    let roles = ColumnRoles(controls: ["social_followers"])
    let json = String(decoding: try JSONEncoder().encode(roles), as: UTF8.self)
    XCTAssertTrue(json.contains("\"downstream_of_social\""), json)
    XCTAssertEqual(try decode(json), roles)
  }

  func testErrorsNameTheFileAndTheKey() {
    assertError(#"{"socail": ["a"]}"#,
                "roles.json: key \"socail\": unknown key; the known keys are date, outcome, "
                  + "mediator, social, owned, price, promotion, controls, downstream_of_social")
    assertError(#"{"social": "facebook_spend"}"#,
                "roles.json: key \"social\": expected an array of column names")
    assertError(
      #"{"outcome": 3}"#, "roles.json: key \"outcome\": expected a column name (a string)")
    assertError(
      #"{"social": []}"#, "roles.json: key \"social\": at least one social channel is needed")
    assertError(#"{"price": ""}"#, "roles.json: key \"price\": a column name is empty")
    assertError(#"{"owned": ["tiktok_spend"]}"#,
                "roles.json: key \"owned\": column \"tiktok_spend\" has two roles, social and "
                  + "owned")
    assertError(#"{"social": ["a", "a"]}"#,
                "roles.json: key \"social\": column \"a\" has two roles, social and social")
    assertError("[1, 2]", "roles.json: expected a JSON object of column roles")
    assertError("{\"social\": ", "roles.json: not valid JSON")
    assertError(
      #"{"social": ["a"], "owned": [], "social": ["b"]}"#,
      "roles.json: key \"social\": duplicate key; each key may appear only once in an object")
    assertError(#"{"social": ["a"], "social": 3, "x": }"#, "roles.json: not valid JSON")
  }

  func testUnreadableFile() {
    XCTAssertThrowsError(try ColumnRoles.load(fromFile: "/nonexistent/roles.json")) { error in
      XCTAssertEqual("\(error)", "/nonexistent/roles.json: cannot read the roles file")
    }
  }
}
