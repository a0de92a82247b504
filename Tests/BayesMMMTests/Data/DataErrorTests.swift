import XCTest
@testable import BayesMMM

/// Every way a data file can be unusable, with the exact message a user sees. The bad files
/// are edits of the bundled file, so each test breaks exactly one thing.
final class DataErrorTests: TemporaryFolderTestCase {
  /// Loads `text` from `data.csv` and asserts the error text after "<path>: ".
  private func assertLoadFails(
    _ text: String, roles: ColumnRoles = ColumnRoles(), _ expected: String, line: UInt = #line
  ) throws {
    let path = try write(text)
    XCTAssertThrowsError(try WeeklyDataset.load(path: path, roles: roles), line: line) { error in
      XCTAssertTrue(error is DataError, "\(type(of: error))", line: line)
      XCTAssertEqual("\(error)", "\(path): \(expected)", line: line)
    }
  }

  private let header = "week,facebook_spend,google_spend,tiktok_spend,instagram_spend,"
    + "snapchat_spend,social_followers,average_price,promotions,emails_send,sms_send,revenue"

  func testEmptyFileAndHeaderOnly() throws {
    try assertLoadFails("", "the file is empty")
    try assertLoadFails("\n\r\n  \n", "the file is empty")
    try assertLoadFails(header + "\n", "the file has a header but no data rows")
  }

  func testMissingFile() {
    XCTAssertThrowsError(try WeeklyDataset.load(path: "/nonexistent/data.csv")) { error in
      XCTAssertEqual("\(error)", "/nonexistent/data.csv: cannot read the data file (no such file)")
    }
  }

  func testMissingColumnNamesItAndListsWhatExists() throws {
    let text = try DataFixtures.selecting(
      ["week", "facebook_spend", "google_spend", "instagram_spend", "snapchat_spend",
       "average_price", "promotions", "emails_send", "sms_send", "revenue"].map { ($0, $0) })
    try assertLoadFails(
      text,
      "column \"tiktok_spend\" (social) not found; the header has: week, facebook_spend, "
        + "google_spend, instagram_spend, snapchat_spend, average_price, promotions, emails_send, "
        + "sms_send, revenue")
  }

  func testDuplicatedColumn() throws {
    let text = try DataFixtures.realText().replacingOccurrences(of: "sms_send,", with: "revenue,")
    try assertLoadFails(text, "line 1: column \"revenue\" appears twice (fields 11 and 12)")
  }

  func testTextInANumber() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 4, column: "tiktok_spend", with: "abc"),
      "line 5 (row 4), column \"tiktok_spend\": \"abc\" is not a number")
    try assertLoadFails(
      try DataFixtures.replacing(row: 9, column: "revenue", with: "\"1,234.5\""),
      "line 10 (row 9), column \"revenue\": \"1,234.5\" is not a number")
  }

  func testEmptyField() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 7, column: "average_price", with: ""),
      "line 8 (row 7), column \"average_price\": the field is empty (missing values are not "
        + "allowed)")
  }

  func testNaNAndInfinity() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 10, column: "revenue", with: "nan"),
      "line 11 (row 10), column \"revenue\": \"nan\" is not a finite number")
    try assertLoadFails(
      try DataFixtures.replacing(row: 2, column: "facebook_spend", with: "inf"),
      "line 3 (row 2), column \"facebook_spend\": \"inf\" is not a finite number")
    try assertLoadFails(
      try DataFixtures.replacing(row: 3, column: "emails_send", with: "1e999"),
      "line 4 (row 3), column \"emails_send\": \"1e999\" is not a finite number")
  }

  func testNegativeSpendPriceAndOutcome() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 3, column: "google_spend", with: "-5"),
      "line 4 (row 3), column \"google_spend\": -5 is negative; mediator spend cannot be negative")
    try assertLoadFails(
      try DataFixtures.replacing(row: 6, column: "snapchat_spend", with: "-0.01"),
      "line 7 (row 6), column \"snapchat_spend\": -0.01 is negative; social spend cannot be "
        + "negative")
    try assertLoadFails(
      try DataFixtures.replacing(row: 6, column: "sms_send", with: "-3"),
      "line 7 (row 6), column \"sms_send\": -3 is negative; an owned-channel volume cannot be "
        + "negative")
    try assertLoadFails(
      try DataFixtures.replacing(row: 12, column: "average_price", with: "-101.95"),
      "line 13 (row 12), column \"average_price\": -101.95 is negative; the price cannot be "
        + "negative")
    try assertLoadFails(
      try DataFixtures.replacing(row: 1, column: "revenue", with: "-83124.16"),
      "line 2 (row 1), column \"revenue\": -83124.16 is negative; the outcome cannot be negative")
  }

  func testZeroOutcomeOrPriceCannotBeLogged() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 1, column: "revenue", with: "0"),
      "line 2 (row 1), column \"revenue\": 0 is not positive; the outcome must be > 0 (the model "
        + "takes its logarithm)")
    try assertLoadFails(
      try DataFixtures.replacing(row: 5, column: "average_price", with: "0.0"),
      "line 6 (row 5), column \"average_price\": 0.0 is not positive; the price must be > 0 (the "
        + "model takes its logarithm)")
  }

  func testSubnormalOutcomeOrPriceIsRefused() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 8, column: "revenue", with: "1e-320"),
      "line 9 (row 8), column \"revenue\": 1e-320 is too close to 0 (below "
        + "2.2250738585072014e-308, the smallest normal double); the outcome is modelled on the "
        + "log scale, where such a value underflows")
    try assertLoadFails(
      try DataFixtures.replacing(row: 5, column: "average_price", with: "2e-308"),
      "line 6 (row 5), column \"average_price\": 2e-308 is too close to 0 (below "
        + "2.2250738585072014e-308, the smallest normal double); the price is modelled on the "
        + "log scale, where such a value underflows")
    let tinyButNormal = try write(
      try DataFixtures.replacing(row: 8, column: "revenue", with: "1e-300"), to: "normal.csv")
    XCTAssertEqual(try WeeklyDataset.load(path: tinyButNormal).outcome[7], 1e-300)
  }

  func testControlCharactersAreEscapedInEveryMessage() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 4, column: "tiktok_spend", with: "1\u{0}2\u{1B}\t"),
      "line 5 (row 4), column \"tiktok_spend\": \"1\\u{0}2\\u{1B}\" is not a number")
    try assertLoadFails(
      try DataFixtures.realText().replacingOccurrences(of: "sms_send,", with: "sms\u{7F}send,"),
      "column \"sms_send\" (owned) not found; the header has: week, facebook_spend, "
        + "google_spend, tiktok_spend, instagram_spend, snapchat_spend, social_followers, "
        + "average_price, promotions, emails_send, sms\\u{7F}send, revenue")
    XCTAssertEqual(
      MessageText.escapingControlCharacters("a\u{0}\n\r\t\u{85}é\\"),
      "a\\u{0}\\n\\r\\t\\u{85}é\\")
  }

  func testDownstreamColumnMustBeInTheFile() throws {
    try assertLoadFails(
      try DataFixtures.realText(), roles: ColumnRoles(downstreamOfSocial: ["followers"]),
      "column \"followers\" (downstream_of_social) not found; the header has: week, "
        + "facebook_spend, google_spend, tiktok_spend, instagram_spend, snapchat_spend, "
        + "social_followers, average_price, promotions, emails_send, sms_send, revenue")
    // The default list applies only when the file has the column.
    let text = try DataFixtures.selecting(
      ["week", "facebook_spend", "google_spend", "tiktok_spend", "instagram_spend",
       "snapchat_spend", "average_price", "promotions", "emails_send", "sms_send",
       "revenue"].map { ($0, $0) })
    XCTAssertEqual(try WeeklyDataset.load(path: try write(text, to: "few.csv")).weekCount, 104)
  }

  func testOneRowIsTooFewWeeksBeforeAnyConstantColumn() throws {
    let lines = try DataFixtures.realLines()
    try assertLoadFails(
      lines.prefix(2).joined(separator: "\n") + "\n",
      "1 week of data; at least 2 are needed to load a file (and a fit needs at least as many "
        + "weeks as the model has parameters)")
    // Two weeks are loaded, so the checks across rows speak again.
    let two = try write(lines.prefix(3).joined(separator: "\n"), to: "two.csv")
    XCTAssertThrowsError(try WeeklyDataset.load(path: two)) { error in
      XCTAssertTrue(
        "\(error)".contains("\"promotions\" (promotion) is 0 in every week"), "\(error)")
    }
  }

  func testNonRegularFiles() throws {
    XCTAssertThrowsError(try WeeklyDataset.load(path: "/dev/null")) { error in
      XCTAssertEqual("\(error)", "/dev/null: the file is empty")
    }
    let fifo = folder.appendingPathComponent("pipe").path
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    XCTAssertThrowsError(try WeeklyDataset.load(path: fifo)) { error in
      XCTAssertEqual(
        "\(error)",
        "\(fifo): not a regular file but a named pipe (FIFO); bayes-mmm reads data from "
          + "regular files only")
    }
    XCTAssertThrowsError(try WeeklyDataset.load(path: "/dev/zero")) { error in
      XCTAssertEqual(
        "\(error)",
        "/dev/zero: not a regular file but a character device; bayes-mmm reads data from "
          + "regular files only")
    }
  }

  func testUnparsableDate() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 4, column: "week", with: "2023/10/08"),
      "line 5 (row 4), column \"week\": \"2023/10/08\" is not an ISO date (YYYY-MM-DD)")
    try assertLoadFails(
      try DataFixtures.replacing(row: 4, column: "week", with: "2023-02-30"),
      "line 5 (row 4), column \"week\": \"2023-02-30\" is not an ISO date (YYYY-MM-DD)")
  }

  func testDuplicatedDate() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 4, column: "week", with: "2023-09-24"),
      "line 5 (row 4), column \"week\": 2023-09-24 already appears on line 3 (row 2)")
  }

  func testNonWeeklyDatesNameBothRows() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 4, column: "week", with: "2023-10-09"),
      "line 5 (row 4), column \"week\": 2023-10-09 is 8 days after 2023-10-01 on line 4 (row 3); "
        + "weekly dates must be a multiple of 7 days apart, in increasing order")
    try assertLoadFails(
      try DataFixtures.replacing(row: 4, column: "week", with: "2023-09-10"),
      "line 5 (row 4), column \"week\": 2023-09-10 is 21 days before 2023-10-01 on line 4 "
        + "(row 3); weekly dates must be a multiple of 7 days apart, in increasing order")
  }

  func testPromotionOutsideTheUnitInterval() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 6, column: "promotions", with: "2"),
      "line 7 (row 6), column \"promotions\": 2 is outside [0, 1]; a promotion is 0/1 or an "
        + "intensity in [0, 1]")
    try assertLoadFails(
      try DataFixtures.replacing(row: 6, column: "promotions", with: "-0.5"),
      "line 7 (row 6), column \"promotions\": -0.5 is outside [0, 1]; a promotion is 0/1 or an "
        + "intensity in [0, 1]")
  }

  /// Issue 12.9: the message names the option that leaves the column out (it used to say
  /// "remove it from the roles", which no option could do for price or promotion).
  func testConstantRegressorsNameTheOptionThatLeavesThemOut() throws {
    try assertLoadFails(
      try DataFixtures.replacingColumn("snapchat_spend", with: "0"),
      "column \"snapchat_spend\" (social) is 0 in every week; a constant regressor carries no "
        + "information, so remove snapchat_spend from --social (or from \"social\" in a roles "
        + "file)")
    try assertLoadFails(
      try DataFixtures.replacingColumn("facebook_spend", with: "5000.5"),
      "column \"facebook_spend\" (social) is 5000.5 in every week; a constant regressor carries "
        + "no information, so remove facebook_spend from --social (or from \"social\" in a "
        + "roles file)")
    try assertLoadFails(
      try DataFixtures.replacingColumn("emails_send", with: "7"),
      "column \"emails_send\" (owned) is 7 in every week; a constant regressor carries no "
        + "information, so remove emails_send from --owned (or from \"owned\" in a roles file)")
    try assertLoadFails(
      try DataFixtures.replacingColumn("average_price", with: "99"),
      "column \"average_price\" (price) is 99 in every week; a constant regressor carries no "
        + "information, so leave it out with --no-price (or \"price\": null in a roles file)")
    try assertLoadFails(
      try DataFixtures.replacingColumn("promotions", with: "0"),
      "column \"promotions\" (promotion) is 0 in every week; a constant regressor carries no "
        + "information, so leave it out with --no-promotion (or \"promotion\": null in a "
        + "roles file)")
  }

  func testRaggedRow() throws {
    var lines = try DataFixtures.realLines()
    lines[7] = String(lines[7][..<(lines[7].lastIndex(of: ",") ?? lines[7].endIndex)])
    try assertLoadFails(
      lines.joined(separator: "\n"), "line 8 (row 7): 11 fields, but the header has 12")
  }

  func testLineNumbersCountQuotedLineBreaks() throws {
    var lines = try DataFixtures.realLines()
    lines[0] = lines[0].replacingOccurrences(of: "sms_send", with: "\"sms\nsend\"")
    lines[3] = lines[3].replacingOccurrences(of: "5893.0", with: "x")
    try assertLoadFails(
      lines.joined(separator: "\n"), roles: ColumnRoles(owned: ["emails_send", "sms\nsend"]),
      "line 5 (row 3), column \"facebook_spend\": \"x\" is not a number")
  }

  func testMalformedQuotes() throws {
    try assertLoadFails(
      try DataFixtures.replacing(row: 2, column: "revenue", with: "\"373.02"),
      "line 3: a quoted field is never closed")
    try assertLoadFails(
      try DataFixtures.replacing(row: 2, column: "tiktok_spend", with: "\"0\"0"),
      "line 3: text follows a closing quote inside a field")
  }

  func testTheFirstProblemInFileOrderIsReported() throws {
    let text = try DataFixtures.replacing(cells: [
      (9, "revenue", "abc"), (5, "snapchat_spend", "-1"), (5, "google_spend", "x"),
    ])
    try assertLoadFails(text, "line 6 (row 5), column \"google_spend\": \"x\" is not a number")
  }

  func testInvalidRolesAreReportedBeforeReading() {
    XCTAssertThrowsError(
      try WeeklyDataset.load(path: DataFixtures.realFilePath, roles: ColumnRoles(social: []))
    ) { error in
      XCTAssertEqual("\(error)", "roles: key \"social\": at least one social channel is needed")
    }
  }
}
