import Foundation
import XCTest

@testable import BayesMMM

/// The run folder fixture with synthetic effect columns (Tests/Fixtures/run-with-effects,
/// see make_fixture.py there) and variants of it written to temporary folders.
enum SummaryFixtures {
  static var runWithEffects: String { FixtureLoading.url("run-with-effects").path }

  /// The fixture's chain file `name` as header + rows of numbers, parsed here without the
  /// library's reader.
  static func chainColumns(_ name: String) throws -> (header: [String], rows: [[Double]]) {
    let text = try String(
      contentsOf: FixtureLoading.url("run-with-effects/\(name)"), encoding: .utf8)
    let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    guard let header = lines.first else { throw FixtureError.empty(name) }
    let rows = lines.dropFirst().map { line in
      line.split(separator: ",").map { Double($0) ?? .nan }
    }
    return (header.split(separator: ",").map(String.init), rows)
  }

  /// Every draw of column `name`, chain 1 then chain 2.
  static func pooledColumn(_ name: String) throws -> [Double] {
    var pooled: [Double] = []
    for file in ["chain-1.csv", "chain-2.csv"] {
      let (header, rows) = try chainColumns(file)
      let index = try XCTUnwrap(header.firstIndex(of: name), "no column \(name)")
      pooled += rows.map { $0[index] }
    }
    return pooled
  }

  /// run.json of the fixture, through Foundation.
  static func record() throws -> [String: Any] {
    let data = try Data(contentsOf: FixtureLoading.url("run-with-effects/run.json"))
    return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// A copy of the fixture in a fresh temporary folder.
  static func copy() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("summary-fixture-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: FixtureLoading.url("run-with-effects"), to: folder)
    return folder
  }

  /// A copy of the fixture as a run without effects: the effect columns cut from the chain
  /// files and the `effects` object from run.json.
  static func copyWithoutEffects() throws -> URL {
    let folder = try copy()
    let keep = CmdStanCSV.statisticColumns.count + 60
    for file in ["chain-1.csv", "chain-2.csv"] {
      let url = folder.appendingPathComponent(file)
      let lines = try String(contentsOf: url, encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: false)
        .map { line -> String in
          line.hasPrefix("#") || line.isEmpty
            ? String(line)
            : line.split(separator: ",").prefix(keep).joined(separator: ",")
        }
      try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }
    let recordURL = folder.appendingPathComponent("run.json")
    var record = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: recordURL)) as? [String: Any])
    record["effects"] = nil
    record["columns"] = (record["columns"] as? [String]).map { Array($0.prefix(60)) }
    try JSONSerialization.data(withJSONObject: record).write(to: recordURL)
    try reseal(folder)
    return folder
  }

  /// Records the chain files of a run folder edited by a test as the run's own: recomputes
  /// run.json's `chain_file_checks` (sha256 and draws per chain file) from the files, as
  /// `make_fixture.py --seal` does, so that a test reaches the check it is about.
  static func reseal(_ folder: URL) throws {
    let recordURL = folder.appendingPathComponent("run.json")
    var record = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: recordURL)) as? [String: Any])
    var checks = try XCTUnwrap(record["chain_file_checks"] as? [[String: Any]])
    for index in checks.indices {
      let name = try XCTUnwrap(checks[index]["file"] as? String)
      let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
      let rows = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        .filter { !$0.hasPrefix("#") }
      checks[index]["sha256"] = SHA256.hexDigest(of: [UInt8](bytes))
      checks[index]["draws"] = rows.count - 1
    }
    record["chain_file_checks"] = checks
    try JSONSerialization.data(withJSONObject: record).write(to: recordURL)
  }

  /// The model of the fixture run, rebuilt on the bundled data.
  static func prepared(_ run: StoredRun) throws -> PreparedModel {
    try run.rebuildModel(dataPath: TestModels.bundledDataPath)
  }
}
