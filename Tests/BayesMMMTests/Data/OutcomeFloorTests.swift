import XCTest
@testable import BayesMMM

/// The floor rule: the outcome's minimum is a reporting floor when it repeats in at least 3
/// weeks and at least 2% of the weeks; a floor over more than half the weeks, and a constant
/// outcome, are refused.
final class OutcomeFloorTests: TemporaryFolderTestCase {
  /// The bundled floor weeks (revenue exactly 1.00).
  private let floorRows = [8, 31, 35, 57, 61, 62, 84, 89]

  /// The bundled file with only the first `kept` floor weeks left at 1.00; the others get
  /// distinct values above the floor (2, 3, ...).
  private func keepingFloorWeeks(_ kept: Int) throws -> WeeklyDataset {
    let raised = floorRows.dropFirst(kept).enumerated().map { ($1, "revenue", "\($0 + 2)") }
    return try WeeklyDataset.load(path: try write(try DataFixtures.replacing(cells: raised)))
  }

  func testThreeWeeksAtTheMinimumOf104AreAFloor() throws {
    let data = try keepingFloorWeeks(3)
    XCTAssertEqual(data.floorValue, 1.0)
    XCTAssertEqual(data.floorRows, [8, 31, 35])
  }

  func testAMinimumTiedInTwoWeeksIsNotAFloor() throws {
    let data = try keepingFloorWeeks(2)
    XCTAssertNil(data.floorValue)
    XCTAssertEqual(data.floorRows, [])
    XCTAssertFalse(try DataAudit().findings(for: data).contains { $0.code == .outcomeFloor })
  }

  func testTheShareOfWeeksDecidesOnLongFiles() {
    // 2% of 150 weeks is 3 weeks; 2% of 151 weeks is 3.02 weeks, so 3 repeats are too few.
    func outcome(weeks: Int, atMinimum: Int) -> [Double] {
      (0..<weeks).map { $0 < atMinimum ? 1.0 : Double($0 + 10) }
    }
    XCTAssertEqual(OutcomeFloor.value(of: outcome(weeks: 150, atMinimum: 3)), 1.0)
    XCTAssertNil(OutcomeFloor.value(of: outcome(weeks: 151, atMinimum: 3)))
    XCTAssertEqual(OutcomeFloor.value(of: outcome(weeks: 151, atMinimum: 4)), 1.0)
    XCTAssertNil(OutcomeFloor.value(of: outcome(weeks: 10, atMinimum: 2)))
    XCTAssertEqual(OutcomeFloor.value(of: outcome(weeks: 10, atMinimum: 3)), 1.0)
    XCTAssertNil(OutcomeFloor.value(of: []))
  }

  func testTheFloorMessageStatesTheRule() throws {
    let data = try WeeklyDataset.load(path: DataFixtures.realFilePath)
    let findings = try DataAudit().findings(for: data)
    let floor = try XCTUnwrap(findings.first { $0.code == .outcomeFloor })
    XCTAssertEqual(
      floor.message,
      "revenue is exactly 1.00, its minimum, in 8 of 104 weeks: a reporting floor, not a sale "
        + "(a minimum repeated in at least 3 weeks and 2% of the weeks is read as a floor; "
        + "2023-11-05, 2024-04-14, 2024-05-12, 2024-10-13, 2024-11-10, 2024-11-17, 2025-04-20, "
        + "2025-05-25)")
  }

  /// Sets revenue to 1.00 in the first `weeks` rows.
  private func floorInFirstWeeks(_ weeks: Int) throws -> String {
    try write(try DataFixtures.replacing(cells: (1...weeks).map { ($0, "revenue", "1.0") }))
  }

  func testAFloorOverHalfTheWeeksIsAccepted() throws {
    // Rows 1-47 plus the bundled floor weeks 57, 61, 62, 84, 89: 52 of 104 weeks.
    let data = try WeeklyDataset.load(path: try floorInFirstWeeks(47))
    XCTAssertEqual(data.floorRows.count, 52)
  }

  func testAFloorOverMoreThanHalfTheWeeksIsRefused() throws {
    // Rows 1-48 plus the bundled floor weeks 57, 61, 62, 84, 89: 53 of 104 weeks.
    let path = try floorInFirstWeeks(48)
    XCTAssertThrowsError(try WeeklyDataset.load(path: path)) { error in
      XCTAssertEqual(
        "\(error)",
        "\(path): column \"revenue\" (outcome) is at its minimum 1.00 in 53 of 104 weeks; a "
          + "floor over more than half the weeks leaves too few observed weeks to fit")
    }
  }

  func testAConstantOutcomeIsRefused() throws {
    let path = try write(try DataFixtures.replacingColumn("revenue", with: "5000.5"))
    XCTAssertThrowsError(try WeeklyDataset.load(path: path)) { error in
      XCTAssertEqual(
        "\(error)",
        "\(path): column \"revenue\" (outcome) is 5000.5 in every week; a constant outcome "
          + "leaves nothing for the model to explain")
    }
  }
}
