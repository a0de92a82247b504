import XCTest

@testable import BayesMMM

/// The assumption names exactly the adjustments the model makes (issue 12, defect 9).
final class IdentifyingAssumptionTests: XCTestCase {
  func testAdjustmentsNameOnlyTheOptionalTermsTheModelHas() {
    XCTAssertEqual(
      IdentifyingAssumption.adjustments(terms: .all), "trend, seasonality, promotions and price")
    XCTAssertEqual(
      IdentifyingAssumption.adjustments(terms: OptionalTerms(price: false, promotion: true)),
      "trend, seasonality and promotions")
    XCTAssertEqual(
      IdentifyingAssumption.adjustments(terms: OptionalTerms(price: false, promotion: false)),
      "trend and seasonality")
    XCTAssertFalse(
      IdentifyingAssumption.text(terms: OptionalTerms(price: false, promotion: false))
        .contains("price"))
  }
}
