import XCTest

@testable import BayesMMM

/// The plan file's checks: every refusal names the file, the row and the column.
final class ForecastPlanTests: XCTestCase {
  private let header =
    "week,facebook_spend,tiktok_spend,instagram_spend,snapchat_spend,average_price,promotions,"
    + "emails_send,sms_send"
  private let rows = [
    "2025-09-14,5000,2500,0,1500,94.5,0,110000,25000",
    "2025-09-21,5000,2500,2000,1500,94.5,0,110000,25000",
  ]

  private func parse(_ lines: [String]) throws -> ForecastPlan {
    let data = try WeeklyDataset.load(path: DataFixtures.realFilePath)
    return try ForecastPlan.parse(
      bytes: Array(lines.joined(separator: "\n").utf8), source: "plan.csv", dataset: data)
  }

  private func assertRefused(
    _ lines: [String], saying expected: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertThrowsError(try parse(lines), file: file, line: line) { error in
      XCTAssertEqual("\(error)", expected, file: file, line: line)
    }
  }

  func testAPlanContinuingTheDataIsReadInTheDataUnitsWithGoogleLeftToSimulate() throws {
    let plan = try parse([header] + rows)
    XCTAssertEqual(plan.dates, ["2025-09-14", "2025-09-21"])
    XCTAssertEqual(plan.social[2], [0, 2000])
    XCTAssertEqual(plan.price, [94.5, 94.5])
    XCTAssertEqual(plan.owned[1], [25000, 25000])
    XCTAssertNil(plan.google)
  }

  func testAGoogleColumnMakesGoogleGiven() throws {
    let plan = try parse([header + ",google_spend"] + rows.map { $0 + ",300" })
    XCTAssertEqual(plan.google, [300, 300])
  }

  func testAMissingChannelColumnIsNamed() {
    let lines = ([header] + rows).map { $0.split(separator: ",").dropLast().joined(separator: ",") }
    assertRefused(
      lines,
      saying: "plan.csv: no column \"sms_send\" (an owned-channel volume of the run's model); a "
        + "plan needs a column for every social and owned channel, the price and the promotion "
        + "of the model (Google is optional); the plan has: week, facebook_spend, tiktok_spend, "
        + "instagram_spend, snapchat_spend, average_price, promotions, emails_send")
  }

  func testANegativeSpendNamesItsRowAndColumn() {
    assertRefused(
      [header, rows[0], "2025-09-21,5000,-5,2000,1500,94.5,0,110000,25000"],
      saying: "plan.csv: line 3 (row 2), column \"tiktok_spend\": -5 is negative; social spend "
        + "cannot be negative")
  }

  func testANonNumericSpendNamesItsRowAndColumn() {
    assertRefused(
      [header, "2025-09-14,5000,2500,lots,1500,94.5,0,110000,25000"],
      saying: "plan.csv: line 2 (row 1), column \"instagram_spend\": \"lots\" is not a number")
  }

  func testAPriceAtZeroAndAPromotionAboveOneAreRefused() {
    assertRefused(
      [header, "2025-09-14,5000,2500,0,1500,0,0,110000,25000"],
      saying: "plan.csv: line 2 (row 1), column \"average_price\": 0 is not positive; the price "
        + "must be > 0 (the model takes its logarithm)")
    assertRefused(
      [header, "2025-09-14,5000,2500,0,1500,94.5,1.5,110000,25000"],
      saying: "plan.csv: line 2 (row 1), column \"promotions\": 1.5 is outside [0, 1]; a "
        + "promotion is 0/1 or an intensity in [0, 1]")
  }

  func testAGapBetweenPlanWeeksNamesTheRow() {
    assertRefused(
      [header, rows[0], "2025-09-28,5000,2500,0,1500,94.5,0,110000,25000"],
      saying: "plan.csv: line 3 (row 2), column \"week\": 2025-09-28 is 14 days after 2025-09-14 "
        + "on line 2 (row 1); a plan has one row per week, 7 days apart, with no gaps")
  }

  func testAPlanThatDoesNotStartTheWeekAfterTheDataIsRefused() {
    assertRefused(
      [header, rows[1]],
      saying: "plan.csv: line 2 (row 1), column \"week\": the plan starts on 2025-09-21, but it "
        + "must continue the data's weeks: the data's last week is 2025-09-07, so the plan's "
        + "first week is 2025-09-14")
  }
}
