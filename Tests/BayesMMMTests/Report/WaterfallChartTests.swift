import XCTest

@testable import BayesMMM

final class WaterfallChartTests: XCTestCase {
  func testRowsRunFromZeroThroughEachStepToTheTotal() {
    let chart = WaterfallChart(
      title: "t", unit: "u",
      steps: [("baseline", 10), ("up", 5), ("down", -8), ("broken", .nan), ("up again", 1)],
      totalLabel: "total")
    let rows = chart.rows
    XCTAssertEqual(rows.map(\.label), ["baseline", "up", "down", "broken", "up again", "total"])
    XCTAssertEqual(rows[0].start, 0)
    XCTAssertEqual(rows[0].end, 10)
    XCTAssertEqual(rows[1].start, 10)
    XCTAssertEqual(rows[1].end, 15)
    XCTAssertEqual(rows[2].end, 7)
    XCTAssertEqual(rows[2].colour, "#de2d26")
    XCTAssertTrue(rows[3].start.isNaN)
    XCTAssertEqual(rows[4].start, 7)
    XCTAssertEqual(rows[5].start, 0)
    XCTAssertEqual(rows[5].end, 8)
    let svg = chart.render()
    XCTAssertEqual(svg.components(separatedBy: "<rect").count - 1, 5)
  }
}
