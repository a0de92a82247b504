import XCTest

@testable import BayesMMM

/// `LiftTestFile`: a lift-test CSV read against the bundled data (104 weeks from 2023-09-17;
/// TikTok spends nothing from 2023-09-24 to 2023-11-12).
final class LiftTestFileTests: XCTestCase {
  private static let header = "channel,start,end,spend_change,cooldown_weeks,lift,se\n"
  private var dataset: WeeklyDataset!

  override func setUpWithError() throws {
    dataset = try WeeklyDataset.load(path: TestModels.bundledDataPath)
  }

  private func parse(_ text: String) throws -> LiftTestFile {
    try LiftTestFile(bytes: Array(text.utf8), source: "lifts.csv", dataset: dataset)
  }

  private func assertError(
    _ text: String, _ message: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertThrowsError(try parse(text), file: file, line: line) { error in
      XCTAssertEqual(String(describing: error), message, file: file, line: line)
    }
  }

  func testRowsResolveToDataWeeksChannelsAndDirections() throws {
    let file = try parse(
      Self.header + "tiktok_spend,2024-03-03,2024-03-24,off,2,50000,10000\n"
        + "instagram,2024-05-08,2024-06-09,1.2,,8000,2500\n")
    XCTAssertEqual(file.tests.count, 2)
    let off = file.tests[0]
    XCTAssertEqual(off.channel, "tiktok_spend")
    XCTAssertEqual(off.channelIndex, dataset.socialNames.firstIndex(of: "tiktok_spend"))
    XCTAssertEqual(off.startWeek, 24)
    XCTAssertEqual(off.endWeek, 27)
    XCTAssertEqual(off.weeks, 24...29)
    XCTAssertEqual(off.spendChange, .off)
    XCTAssertEqual(off.direction, -1)
    XCTAssertEqual(off.row, 1)
    XCTAssertEqual(off.line, 2)
    let increase = file.tests[1]
    XCTAssertEqual(increase.channel, "instagram_spend")
    XCTAssertEqual(increase.startWeek, 33, "a mid-week date names the week holding it")
    XCTAssertEqual(increase.endWeek, 38)
    XCTAssertEqual(increase.cooldownWeeks, 0, "an empty cooldown is 0")
    XCTAssertEqual(increase.spendChange, .multiplier(1.2))
    XCTAssertEqual(increase.direction, 1)
    XCTAssertEqual(file.sha256.count, 64)
  }

  func testTestSpendMultipliesTheWindowOnly() throws {
    let test = try parse(Self.header + "tiktok_spend,2024-03-03,2024-03-10,0.5,1,1,1\n").tests[0]
    let spend = test.testSpend(observed: Array(repeating: 2.0, count: 30))
    XCTAssertEqual(spend[23], 2)
    XCTAssertEqual(spend[24], 1)
    XCTAssertEqual(spend[25], 1)
    XCTAssertEqual(spend[26], 2, "cooldown weeks keep their spend")
  }

  func testAChannelThatIsNotSocialIsRefusedNamingRowAndColumn() {
    assertError(
      Self.header + "tiktok,2024-03-03,2024-03-24,off,0,1,1\n"
        + "google_spend,2024-03-03,2024-03-24,off,0,1,1\n",
      "lifts.csv: line 3 (row 2), column \"channel\": \"google_spend\" is not a social channel "
        + "of the data; lift tests calibrate the social channels: facebook_spend, tiktok_spend, "
        + "instagram_spend, snapchat_spend")
  }

  func testDatesOutsideTheDataAreRefused() {
    assertError(
      Self.header + "tiktok,2023-09-16,2024-03-24,off,0,1,1\n",
      "lifts.csv: line 2 (row 1), column \"start\": \"2023-09-16\" is outside the data, which "
        + "runs from 2023-09-17 to the week of 2025-09-07")
    assertError(
      Self.header + "tiktok,2025-08-01,2025-09-14,off,0,1,1\n",
      "lifts.csv: line 2 (row 1), column \"end\": \"2025-09-14\" is outside the data, which "
        + "runs from 2023-09-17 to the week of 2025-09-07")
    assertError(
      Self.header + "tiktok,2024-03-03,2024-3-24,off,0,1,1\n",
      "lifts.csv: line 2 (row 1), column \"end\": \"2024-3-24\" is not an ISO date (YYYY-MM-DD)")
    assertError(
      Self.header + "tiktok,2024-03-24,2024-03-03,off,0,1,1\n",
      "lifts.csv: line 2 (row 1), column \"end\": \"2024-03-03\" is before the start 2024-03-24")
    assertError(
      Self.header + "tiktok,2025-08-24,2025-08-31,off,2,1,1\n",
      "lifts.csv: line 2 (row 1), column \"cooldown_weeks\": \"2\" weeks after the end run past "
        + "the data's last week 2025-09-07; at most 1 fit")
  }

  func testANonPositiveStandardErrorIsRefused() {
    assertError(
      Self.header + "tiktok,2024-03-03,2024-03-24,off,0,1,0\n",
      "lifts.csv: line 2 (row 1), column \"se\": \"0\" is not positive; a standard error must "
        + "be > 0")
    assertError(
      Self.header + "tiktok,2024-03-03,2024-03-24,off,0,1,-2.5\n",
      "lifts.csv: line 2 (row 1), column \"se\": \"-2.5\" is not positive; a standard error "
        + "must be > 0")
    assertError(
      Self.header + "tiktok,2024-03-03,2024-03-24,off,0,lots,1\n",
      "lifts.csv: line 2 (row 1), column \"lift\": \"lots\" is not a finite number (incremental "
        + "revenue, currency)")
  }

  func testAWindowWithoutSpendIsRefused() {
    assertError(
      Self.header + "tiktok,2023-10-01,2023-10-29,off,0,1,1\n",
      "lifts.csv: line 2 (row 1): tiktok_spend spends nothing from 2023-10-01 to 2023-10-29, "
        + "so the test changes no spend; a lift test needs spend in its window")
  }

  func testDuplicateTestsAreRefusedNamingBothRows() {
    assertError(
      Self.header + "tiktok,2024-03-03,2024-03-24,off,0,1,1\n"
        + "facebook,2024-03-03,2024-03-24,off,0,1,1\n"
        + "tiktok_spend,2024-03-04,2024-03-24,0,2,5,3\n",
      "lifts.csv: line 4 (row 3): the same test (channel, start, end and spend_change) as "
        + "line 2 (row 1); give each experiment once")
  }

  func testSpendChangesOtherThanOffOrAMultiplierAreRefused() {
    assertError(
      Self.header + "tiktok,2024-03-03,2024-03-24,double,0,1,1\n",
      "lifts.csv: line 2 (row 1), column \"spend_change\": \"double\" is neither off nor a "
        + "multiplier >= 0 (such as 1.2)")
    assertError(
      Self.header + "tiktok,2024-03-03,2024-03-24,1,0,1,1\n",
      "lifts.csv: line 2 (row 1), column \"spend_change\": \"1\" changes nothing; use off or a "
        + "multiplier other than 1")
  }

  func testHeaderProblemsNameTheColumn() {
    assertError(
      "channel,start,end,spend_change,lift\ntiktok,2024-03-03,2024-03-24,off,1\n",
      "lifts.csv: no column \"se\"; a lift-test file has the columns channel, start, end, "
        + "spend_change, cooldown_weeks (optional), lift, se; the header has: channel, start, "
        + "end, spend_change, lift")
    assertError(
      "channel,start,end,spend_change,lift,se,cooldown\ntiktok,2024-03-03,2024-03-24,off,1,1,0\n",
      "lifts.csv: line 1: unknown column \"cooldown\"; a lift-test file has the columns channel, "
        + "start, end, spend_change, cooldown_weeks (optional), lift, se")
    assertError(Self.header, "lifts.csv: no lift tests (a header and at least one row are needed)")
    assertError(
      Self.header + "tiktok,2024-03-03,2024-03-24,off,0,1\n",
      "lifts.csv: line 2 (row 1): 6 fields, but the header has 7")
  }
}
