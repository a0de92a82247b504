import XCTest

@testable import BayesMMM

/// Every number formatter of the library on the Doubles that used to trap (a Double ->
/// Int conversion out of range stops the process): NaN, ±inf, ±1e300, 1e20, subnormals,
/// 0 and -0. Each must return text; the exact texts below pin what users see.
final class NumberFormattingEdgeTests: XCTestCase {
  static let edgeValues: [Double] = [
    .nan, .infinity, -.infinity, 1e300, -1e300, 1e20, -1e20, 9.3e18, 1e-320, 0, -0.0,
    .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
  ]

  /// Every formatter, by name.
  static let formatters: [(String, @Sendable (Double) -> String)] = [
    ("NumberText.plain", NumberText.plain),
    ("NumberText.grouped 0", { NumberText.grouped($0, decimals: 0) }),
    ("NumberText.grouped 2", { NumberText.grouped($0, decimals: 2) }),
    ("formatted 0", { formatted($0, 0) }),
    ("formatted 3", { formatted($0, 3) }),
    ("ReportNumber.currency", { ReportNumber.currency($0) }),
    ("ReportNumber.ratio", { ReportNumber.ratio($0) }),
    ("ReportNumber.percent", { ReportNumber.percent($0) }),
    ("ReportNumber.probability", { ReportNumber.probability($0) }),
    ("ReportNumber.general", { ReportNumber.general($0) }),
    ("ReportNumber.count", { ReportNumber.count($0) }),
    ("PriorPredictiveNumbers.amount", PriorPredictiveNumbers.amount),
    ("PriorPredictiveNumbers.percent", PriorPredictiveNumbers.percent),
    ("HTMLReport.number", HTMLReport.number),
    ("HTMLReport.percent", HTMLReport.percent),
    ("HTMLReport.currency", HTMLReport.currency),
    ("compactNumber", compactNumber),
    ("fmt", fmt),
    ("JSONValue.readableNumber", JSONValue.readableNumber),
    ("AuditText.money", AuditText.money),
    ("AuditText.amount", AuditText.amount),
  ]

  func testNoFormatterTrapsOnAnyEdgeValue() {
    for (name, format) in Self.formatters {
      for value in Self.edgeValues {
        XCTAssertFalse(format(value).isEmpty, "\(name)(\(value))")
      }
    }
  }

  func testHugeValuesReadInScientificOrShortestForm() {
    XCTAssertEqual(HTMLReport.currency(1e20), "1.00e+20")
    XCTAssertEqual(HTMLReport.currency(-1e300), "-1.00e+300")
    XCTAssertEqual(HTMLReport.currency(1_234_567.4), "1,234,567")
    XCTAssertEqual(HTMLReport.number(1e300), "1.00e+300")
    XCTAssertEqual(compactNumber(1e20), "1e+20")
    XCTAssertEqual(compactNumber(2.5e300), "2.5e+300")
    XCTAssertEqual(compactNumber(1_500_000), "1.5M")
    XCTAssertEqual(formatted(1e20, 2), "1e+20")
    XCTAssertEqual(formatted(-1e300, 0), "-1e+300")
    XCTAssertEqual(formatted(12.345, 2), "12.35")
    XCTAssertEqual(ReportNumber.probability(1e20), "1e+20")
    XCTAssertEqual(PriorPredictiveNumbers.percent(1e20), "1e+22%")
    XCTAssertEqual(fmt(1e300), "10000000")
    XCTAssertEqual(fmt(.nan), "0")
  }

  func testTinyValuesAndNegativeZeroReadAsZeroOrScientific() {
    XCTAssertEqual(HTMLReport.currency(-0.0), "0")
    XCTAssertEqual(HTMLReport.currency(1e-320), "0")
    XCTAssertEqual(formatted(-0.0, 2), "0.00")
    XCTAssertEqual(formatted(1e-320, 3), "0.000")
    XCTAssertEqual(compactNumber(-0.0), "0")
    XCTAssertEqual(compactNumber(1e-320), "1e-320")
    XCTAssertEqual(PriorPredictiveNumbers.amount(1e-320), "1.00e-320")
    XCTAssertEqual(PriorPredictiveNumbers.amount(.leastNonzeroMagnitude), "4.94e-324")
  }

  func testScientificNotationRoundsTheMantissaAndCarriesIntoTheExponent() {
    XCTAssertEqual(NumberText.scientific(3.98e7, decimals: 2), "3.98e+07")
    XCTAssertEqual(NumberText.scientific(9.996e7, decimals: 2), "1.00e+08")
    XCTAssertEqual(NumberText.scientific(-5e-321, decimals: 2), "-5.00e-321")
    XCTAssertEqual(NumberText.scientific(0, decimals: 1), "0.0e+00")
    XCTAssertEqual(NumberText.scientific(.greatestFiniteMagnitude, decimals: 2), "1.80e+308")
    XCTAssertEqual(NumberText.scientific(.nan, decimals: 2), "NaN")
    XCTAssertEqual(NumberText.scientific(-.infinity, decimals: 2), "-inf")
  }

  func testGroupedClampsItsDecimals() {
    XCTAssertEqual(NumberText.grouped(0, decimals: 19), "0.000000000000000")
    XCTAssertEqual(NumberText.grouped(12.5, decimals: -3), "13")
  }
}
