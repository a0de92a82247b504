import XCTest
@testable import BayesMMM

final class DataISODateTests: XCTestCase {
  /// Day numbers, ISO weeks and weekdays against Python's `datetime` (year-boundary cases).
  func testDayNumberIsoWeekAndWeekdayMatchPython() throws {
    let cases: [(String, Int, Int, Int)] = [
      ("2023-09-17", 19617, 37, 7), ("2025-09-07", 20338, 36, 7),
      ("2020-12-31", 18627, 53, 4), ("2021-01-03", 18630, 53, 7),
      ("2021-01-04", 18631, 1, 1), ("2026-12-31", 20818, 53, 4),
      ("2027-01-01", 20819, 53, 5), ("2024-12-30", 20087, 1, 1),
      ("2000-02-29", 11016, 9, 2), ("1969-12-31", -1, 1, 3),
    ]
    for (text, dayNumber, week, weekday) in cases {
      let date = try XCTUnwrap(ISODate(text), text)
      XCTAssertEqual(date.dayNumber, dayNumber, text)
      XCTAssertEqual(date.isoWeekOfYear, week, text)
      XCTAssertEqual(date.isoWeekday, weekday, text)
      XCTAssertEqual(ISODate(dayNumber: dayNumber), date, text)
      XCTAssertEqual(date.description, text)
    }
  }

  func testRoundTripOverManyDays() {
    for dayNumber in stride(from: -800_000, through: 2_000_000, by: 997) {
      XCTAssertEqual(ISODate(dayNumber: ISODate(dayNumber: dayNumber).dayNumber).dayNumber,
                     dayNumber)
      XCTAssertEqual(ISODate(dayNumber: dayNumber).dayNumber, dayNumber)
    }
  }

  func testRejectsAnythingButStrictIsoDates() {
    for text in ["2023/09/17", "2023-9-17", "2023-02-29", "2023-13-01", "2023-00-10",
                 "2023-04-31", "17-09-2023", " 2023-09-17", "2023-09-17T00:00", "", "abcd-ef-gh"] {
      XCTAssertNil(ISODate(text), text)
    }
    XCTAssertNotNil(ISODate("2024-02-29"))
  }
}
