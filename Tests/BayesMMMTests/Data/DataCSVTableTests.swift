import XCTest
@testable import BayesMMM

final class DataCSVTableTests: XCTestCase {
  private func parse(_ text: String) throws -> CSVTable {
    try CSVTable(parsing: Array(text.utf8))
  }

  func testPlainRecordsWithAndWithoutTrailingNewline() throws {
    for text in ["a,b\n1,2\n3,4\n", "a,b\n1,2\n3,4"] {
      let table = try parse(text)
      XCTAssertEqual(table.header, .init(fields: ["a", "b"], line: 1))
      XCTAssertEqual(table.records, [.init(fields: ["1", "2"], line: 2),
                                     .init(fields: ["3", "4"], line: 3)])
    }
  }

  func testByteOrderMarkAndCRLF() throws {
    let table = try CSVTable(parsing: [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n".utf8))
    XCTAssertEqual(table.header?.fields, ["a", "b"])
    XCTAssertEqual(table.records, [.init(fields: ["1", "2"], line: 2)])
  }

  func testQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
    let table = try parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n5,,\"\"\n")
    XCTAssertEqual(table.records[0], .init(fields: ["x, y", "say \"hi\"", "two\r\nlines"],
                                           line: 2))
    XCTAssertEqual(table.records[1], .init(fields: ["5", "", ""], line: 4))
  }

  func testEmptyLinesAreSkippedButCounted() throws {
    let table = try parse("a\n1\n\n2\n\n\n")
    XCTAssertEqual(table.records, [.init(fields: ["1"], line: 2), .init(fields: ["2"], line: 4)])
  }

  func testRaggedRecordsAreKeptForTheCaller() throws {
    let table = try parse("a,b\n1\n1,2,3\n")
    XCTAssertEqual(table.records.map(\.fields.count), [1, 3])
  }

  func testMalformedQuotes() {
    XCTAssertThrowsError(try parse("a,b\n1,\"open\n2,3\n")) { error in
      XCTAssertEqual(error as? CSVTable.ParseError, .unclosedQuote(line: 2))
    }
    XCTAssertThrowsError(try parse("a,b\n1,\"x\"y\n")) { error in
      XCTAssertEqual(error as? CSVTable.ParseError, .textAfterClosingQuote(line: 2))
    }
  }

  func testEmptyInputHasNoHeader() throws {
    XCTAssertNil(try parse("").header)
  }

  func testDecimalNumbers() {
    XCTAssertEqual(DecimalNumber.parse("6030.8"), .number(6030.8))
    XCTAssertEqual(DecimalNumber.parse(" -1.5e3 "), .number(-1500))
    XCTAssertEqual(DecimalNumber.parse(".5"), .number(0.5))
    XCTAssertEqual(DecimalNumber.parse("7."), .number(7))
    XCTAssertEqual(DecimalNumber.parse(""), .empty)
    XCTAssertEqual(DecimalNumber.parse("  "), .empty)
    for text in ["nan", "NaN", "-inf", "inf", "+Infinity", "1e999"] {
      XCTAssertEqual(DecimalNumber.parse(text), .nonFinite, text)
    }
    for text in ["abc", "1,234", "0x10", "1e", "e5", "--1", "1.2.3", "$5", "."] {
      XCTAssertEqual(DecimalNumber.parse(text), .notANumber, text)
    }
  }
}
