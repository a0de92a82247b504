import Foundation
import XCTest

@testable import BayesMMM

/// A run folder is read only when its chain files are the ones its run.json describes;
/// every mismatch is refused naming the file (issue 12, defect 10). Each test corrupts a copy
/// of the fixture and, where the test is about a later check, reseals the checksums.
final class StoredRunChecksTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try SummaryFixtures.copy() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  private func chainURL(_ k: Int) -> URL { folder.appendingPathComponent("chain-\(k).csv") }

  /// Rewrites the lines of a chain file; `draws` gets the indices of the draw rows.
  private func editChain(
    _ k: Int, _ edit: (_ lines: inout [String], _ draws: [Int]) throws -> Void
  ) throws {
    var lines = try String(contentsOf: chainURL(k), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("lp__") })
    let draws = lines.indices.filter {
      $0 > header && !lines[$0].hasPrefix("#") && !lines[$0].isEmpty
    }
    try edit(&lines, draws)
    try lines.joined(separator: "\n").write(to: chainURL(k), atomically: true, encoding: .utf8)
  }

  private func editRecord(_ edit: (inout [String: Any]) -> Void) throws {
    let url = folder.appendingPathComponent("run.json")
    var record = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    edit(&record)
    try JSONSerialization.data(withJSONObject: record).write(to: url)
  }

  private func assertRefused(
    _ expected: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertThrowsError(try StoredRun.read(directory: folder.path), file: file, line: line) {
      XCTAssertEqual("\($0)", expected, file: file, line: line)
    }
  }

  func testTheFixtureRecordsAChecksumPerChainFile() throws {
    let run = try StoredRun.read(directory: folder.path)
    let checks = try XCTUnwrap(run.record["chain_file_checks"]?.arrayValue)
    XCTAssertEqual(checks.count, 2)
    let bytes = try Data(contentsOf: chainURL(1))
    XCTAssertEqual(checks[0]["sha256"]?.stringValue, SHA256.hexDigest(of: [UInt8](bytes)))
  }

  func testAChainFileChangedAfterTheRunIsRefusedByItsChecksum() throws {
    let recorded = SHA256.hexDigest(of: [UInt8](try Data(contentsOf: chainURL(2))))
    try editChain(2) { lines, draws in lines[draws[0]] += "0" }
    let now = SHA256.hexDigest(of: [UInt8](try Data(contentsOf: chainURL(2))))
    assertRefused(
      "\(chainURL(2).path): sha256 \(now), but run.json records \(recorded): the file changed "
        + "after the run; re-run sample")
  }

  func testChainFilesCutShortAreRefusedWithBothCounts() throws {
    for k in 1...2 {
      try editChain(k) { lines, draws in lines.removeSubrange(draws[47]...draws[49]) }
    }
    try SummaryFixtures.reseal(folder)
    assertRefused("\(chainURL(1).path): 47 draws, but run.json records 50 (settings.draws)")
  }

  func testADrawCountInChainFileChecksThatDisagreesWithTheSettingsIsNamedAsSuch() throws {
    try editRecord { record in
      var checks = record["chain_file_checks"] as? [[String: Any]] ?? []
      checks[0]["draws"] = 40
      record["chain_file_checks"] = checks
    }
    assertRefused(
      "\(chainURL(1).path): run.json's chain_file_checks records 40 draws for it but "
        + "settings.draws is 50: run.json was edited; re-run sample")
  }

  func testAChainFromAnotherSeedIsRefused() throws {
    try editChain(2) { lines, _ in
      let seed = try XCTUnwrap(lines.firstIndex(of: "#   seed = 11"))
      lines[seed] = "#   seed = 12"
    }
    try SummaryFixtures.reseal(folder)
    assertRefused(
      "\(chainURL(2).path): its header's seed is 12, but run.json's settings.seed is 11: it is "
        + "not a chain of this run")
  }

  func testSwappedChainFilesAreRefusedByTheirChainIDs() throws {
    let one = try Data(contentsOf: chainURL(1))
    try Data(contentsOf: chainURL(2)).write(to: chainURL(1))
    try one.write(to: chainURL(2))
    try SummaryFixtures.reseal(folder)
    assertRefused(
      "\(chainURL(1).path): its header's chain id is 2, but run.json records chain 1 for it")
  }

  func testColumnsThatDifferFromRunJSONAreRefused() throws {
    try editRecord { record in
      var columns = record["columns"] as? [String] ?? []
      columns[columns.count - 1] = "promo_revenue_eur"
      record["columns"] = columns
    }
    assertRefused(
      "\(chainURL(1).path): its 122 columns differ from the 122 of run.json's \"columns\" "
        + "(\"promo_revenue\" where run.json has \"promo_revenue_eur\")")
  }

  func testANonFiniteParameterIsRefusedButANonFiniteEffectIsRead() throws {
    let header = try SummaryFixtures.chainColumns("chain-1.csv").header
    let effect = try XCTUnwrap(header.firstIndex(of: "te_zero.1"))
    try editChain(1) { lines, draws in
      var fields = lines[draws[4]].split(separator: ",").map(String.init)
      fields[effect] = "inf"
      lines[draws[4]] = fields.joined(separator: ",")
    }
    try SummaryFixtures.reseal(folder)
    let run = try StoredRun.read(directory: folder.path)
    XCTAssertEqual(run.draws.column(named: "te_zero.1")?[0][4], .infinity)

    let parameter = try XCTUnwrap(header.firstIndex(of: "beta_google"))
    try editChain(1) { lines, draws in
      var fields = lines[draws[2]].split(separator: ",").map(String.init)
      fields[parameter] = "nan"
      lines[draws[2]] = fields.joined(separator: ",")
    }
    try SummaryFixtures.reseal(folder)
    assertRefused(
      "\(chainURL(1).path): draw 3, column \"beta_google\": nan; parameter draws must be finite")
  }

  func testAnUnknownOrOlderFormatVersionIsRefusedAskingForANewRun() throws {
    try editRecord { $0["format_version"] = 999 }
    assertRefused(
      "\(folder.path)/run.json: key \"format_version\": 999 is not a layout this bayes-mmm "
        + "reads (it reads 2); re-run sample with this version of bayes-mmm")
    try editRecord { $0["format_version"] = 1 }
    assertRefused(
      "\(folder.path)/run.json: key \"format_version\": 1 is an older layout, whose chain "
        + "files carry no checksums; re-run sample with this version of bayes-mmm")
  }
}
