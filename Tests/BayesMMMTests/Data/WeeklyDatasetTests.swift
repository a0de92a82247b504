import XCTest
@testable import BayesMMM

final class WeeklyDatasetTests: TemporaryFolderTestCase {
  func testBundledFileLoadsWithEveryRole() throws {
    let data = try WeeklyDataset.load(path: DataFixtures.realFilePath)
    XCTAssertEqual(data.weekCount, 104)
    XCTAssertEqual(data.sha256, "96b2a76d0b386a0d937c2e7982f8a6fd59f7674166b502b04c9743e01eb4f893")
    XCTAssertEqual(data.sourcePath, DataFixtures.realFilePath)
    XCTAssertEqual(data.dates.first, "2023-09-17")
    XCTAssertEqual(data.dates.last, "2025-09-07")
    XCTAssertEqual(data.dayNumbers.first, 19617)
    XCTAssertEqual(data.weekIndex, Array(0..<104))
    XCTAssertEqual(Array(data.isoWeekOfYear.prefix(3)), [37, 38, 39])
    XCTAssertEqual(data.isoWeekOfYear.last, 36)
    XCTAssertTrue(data.isoWeekOfYear.allSatisfy { (1...53).contains($0) })
    XCTAssertEqual(data.lineNumbers.first, 2)
    XCTAssertEqual(data.lineNumbers.last, 105)

    XCTAssertEqual(data.outcome[0], 83124.16)
    XCTAssertEqual(data.mediator[0], 3130.14)
    XCTAssertEqual(data.socialNames,
                   ["facebook_spend", "tiktok_spend", "instagram_spend", "snapchat_spend"])
    XCTAssertEqual(data.social.map(\.count), [104, 104, 104, 104])
    XCTAssertEqual(data.social.map { $0[0] }, [6030.8, 2993.22, 1841.08, 2204.72])
    XCTAssertEqual(data.ownedNames, ["emails_send", "sms_send"])
    XCTAssertEqual(data.owned.map { $0[0] }, [102684, 20098])
    XCTAssertEqual(data.price?[0], 101.95)
    XCTAssertEqual(data.promotion?[3], 1)
    XCTAssertEqual(data.controls, [])
    XCTAssertEqual(data.unusedColumns.map(\.name), ["social_followers"])
    XCTAssertEqual(data.unusedColumns[0].missingCount, 26)
    XCTAssertEqual(data.ignoredColumns, [])
  }

  func testFloorWeeks() throws {
    let data = try WeeklyDataset.load(path: DataFixtures.realFilePath)
    XCTAssertEqual(data.floorValue, 1.0)
    XCTAssertEqual(data.floorRows, [8, 31, 35, 57, 61, 62, 84, 89])
    XCTAssertEqual(data.isFloor.filter { $0 }.count, 8)
  }

  /// Reference values computed with numpy on the bundled file.
  func testScalingFacts() throws {
    let scales = try WeeklyDataset.load(path: DataFixtures.realFilePath).scales
    XCTAssertEqual(scales.outcomeMean, 49053.945096153846, accuracy: 1e-8)
    XCTAssertEqual(try XCTUnwrap(scales.medianPrice), 99.49, accuracy: 1e-12)
    let expected: [(String, Double)] = [
      ("google_spend", 3568.04688888889), ("facebook_spend", 5346.302500000001),
      ("tiktok_spend", 2760.715277777778), ("instagram_spend", 2585.650243902439),
      ("snapchat_spend", 1896.0087804878049), ("emails_send", 120691.06730769231),
      ("sms_send", 23623.115384615383),
    ]
    XCTAssertEqual(scales.spend.map(\.column), expected.map(\.0))
    for (name, mean) in expected {
      XCTAssertEqual(try XCTUnwrap(scales.spendNonZeroMean(of: name)), mean, accuracy: 1e-8, name)
    }
  }

  func testFollowersAsControlCarryTheirMissingMask() throws {
    let data = try WeeklyDataset.load(
      path: DataFixtures.realFilePath, roles: ColumnRoles(controls: ["social_followers"]))
    XCTAssertEqual(data.controls.map(\.name), ["social_followers"])
    XCTAssertEqual(data.controls[0].missing, (0..<104).map { $0 < 26 })
    XCTAssertEqual(data.controls[0].observedValues.first, 51091)
    XCTAssertEqual(data.unusedColumns, [])
  }

  func testByteOrderMarkCRLFAndQuotedFieldsLoadTheSameValues() throws {
    let original = try WeeklyDataset.load(path: DataFixtures.realFilePath)
    var lines = try DataFixtures.realLines()
    lines[1] = lines[1].replacingOccurrences(of: "6030.8", with: "\"6030.8\"")
    let text = lines.joined(separator: "\r\n") + "\r\n"
    let path = try write(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
    let data = try WeeklyDataset.load(path: path)
    XCTAssertEqual(data.weekCount, 104)
    XCTAssertEqual(data.social, original.social)
    XCTAssertEqual(data.outcome, original.outcome)
    XCTAssertEqual(data.dates, original.dates)
    XCTAssertNotEqual(data.sha256, original.sha256)
  }

  func testGapsOfWholeWeeksLoadAndShowInTheWeekIndex() throws {
    var lines = try DataFixtures.realLines()
    lines.removeSubrange(10...11)
    let data = try WeeklyDataset.load(path: try write(lines.joined(separator: "\n")))
    XCTAssertEqual(data.weekCount, 102)
    XCTAssertEqual(Array(data.weekIndex[7...10]), [7, 8, 11, 12])
  }

  func testNonNumericUnusedColumnsAreIgnored() throws {
    let text = try DataFixtures.replacing(row: 5, column: "social_followers", with: "n/a")
    let data = try WeeklyDataset.load(path: try write(text))
    XCTAssertEqual(data.unusedColumns, [])
    XCTAssertEqual(data.ignoredColumns, ["social_followers"])
  }
}
