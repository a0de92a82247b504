import Foundation
import XCTest

@testable import BayesMMM

/// Reading run folders back, and the errors that name the file at fault.
final class SummaryStoredRunTests: XCTestCase {
  func testReadsTheFixtureRun() throws {
    let run = try StoredRun.read(directory: SummaryFixtures.runWithEffects)
    XCTAssertEqual(run.draws.chainCount, 2)
    XCTAssertEqual(run.draws.drawCount, 50)
    XCTAssertEqual(run.draws.columns.count, 60 + EffectColumns.all(socialCount: 4).count)
    XCTAssertEqual(Array(run.draws.columns.suffix(62)), EffectColumns.all(socialCount: 4))
    XCTAssertEqual(run.samplerStatistics.columns, CmdStanCSV.statisticColumns)
    XCTAssertEqual(run.seed, 11)
    XCTAssertEqual(run.socialNames.count, 4)
    XCTAssertEqual(run.effects?.googleTotalSpend ?? 0, 160_562.11, accuracy: 1e-6)
    let first = try SummaryFixtures.pooledColumn("beta_google")
    XCTAssertEqual(run.draws.column(named: "beta_google")?.flatMap { $0 }, first)
  }

  func testMissingFolderIsNamed() {
    XCTAssertThrowsError(try StoredRun.read(directory: "/nonexistent/run")) { error in
      XCTAssertEqual(error as? SummaryError, .noRunFolder(path: "/nonexistent/run"))
      XCTAssertEqual(
        "\(error)",
        "/nonexistent/run: no such run folder (write one with: bayes-mmm sample --out "
          + "/nonexistent/run)")
    }
  }

  func testMissingChainFileIsNamed() throws {
    let folder = try SummaryFixtures.copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("chain-2.csv"))
    XCTAssertThrowsError(try StoredRun.read(directory: folder.path)) { error in
      XCTAssertEqual(
        "\(error)",
        "\(folder.path)/chain-2.csv: missing (run.json lists it as a chain file)")
    }
  }

  func testTruncatedChainFileNamesTheLine() throws {
    let folder = try SummaryFixtures.copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("chain-1.csv")
    var lines = try String(contentsOf: url, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    let lastDraw = try XCTUnwrap(lines.lastIndex { !$0.hasPrefix("#") && !$0.isEmpty })
    lines[lastDraw] = lines[lastDraw].prefix(40)
    try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try StoredRun.read(directory: folder.path)) { error in
      guard case .corruptFile(let path, let line, let reason) = error as? SummaryError else {
        return XCTFail("unexpected \(error)")
      }
      XCTAssertEqual(path, url.path)
      XCTAssertEqual(line, lastDraw + 1)
      XCTAssertTrue(reason.hasPrefix("expected 129 fields, found"), reason)
    }
  }

  func testChangedDataIsRefusedWithBothHashes() throws {
    let run = try StoredRun.read(directory: SummaryFixtures.runWithEffects)
    let folder = try SummaryFixtures.copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("data.csv")
    let text = try String(contentsOfFile: TestModels.bundledDataPath, encoding: .utf8)
    try (text + "\n").write(to: data, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try run.rebuildModel(dataPath: data.path)) { error in
      guard case .dataChanged(let path, let recorded, let actual, _) = error as? SummaryError else {
        return XCTFail("unexpected \(error)")
      }
      XCTAssertEqual(path, data.path)
      XCTAssertEqual(recorded, run.recordedDataSHA256)
      XCTAssertEqual(actual, SHA256.hexDigest(of: Array((text + "\n").utf8)))
    }
  }

  func testRebuiltModelHasTheRunsParameters() throws {
    let run = try StoredRun.read(directory: SummaryFixtures.runWithEffects)
    let prepared = try SummaryFixtures.prepared(run)
    XCTAssertEqual(prepared.model.layout.names, run.parameterNames)
    XCTAssertEqual(prepared.configuration.settings.studentTDegrees, 5)
  }
}
