import BayesMMM
import Foundation
import XCTest

/// `summarize` and `report` refuse a run folder whose chain files are not the ones its
/// run.json describes, naming the file, with exit 1 and nothing on stdout (issue 12,
/// defect 10).
final class RunFolderCheckCommandTests: XCTestCase {
  private var folder: URL!
  private var run: URL { folder.appendingPathComponent("run") }

  override func setUpWithError() throws {
    folder = try CLI.temporaryDirectory()
    try FileManager.default.copyItem(
      at: CLI.packageRoot.appendingPathComponent("Tests/Fixtures/run-with-effects"), to: run)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  func testChainsCutShortAreRefusedBySummarizeAndReport() throws {
    let chain = run.appendingPathComponent("chain-2.csv")
    let recorded = SHA256.hexDigest(of: [UInt8](try Data(contentsOf: chain)))
    let lines = try String(contentsOf: chain, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    let lastDraw = try XCTUnwrap(lines.lastIndex { !$0.hasPrefix("#") && !$0.isEmpty })
    let cut = (lines[..<lastDraw] + lines[(lastDraw + 1)...]).joined(separator: "\n")
    try cut.write(to: chain, atomically: true, encoding: .utf8)
    let expected =
      "error: \(chain.path): sha256 \(SHA256.hexDigest(of: Array(cut.utf8))), but run.json "
      + "records \(recorded): the file changed after the run; re-run sample\n"
    let report = folder.appendingPathComponent("r.html").path
    for arguments in [
      ["summarize", "--run", run.path], ["report", "--run", run.path, "--out", report],
    ] {
      let result = try CLI.run(arguments)
      XCTAssertEqual(result.status, 1, arguments[0])
      XCTAssertEqual(result.stdout, "", arguments[0])
      XCTAssertEqual(result.stderr, expected, arguments[0])
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: report))
  }

  func testAnUnknownFormatVersionIsRefused() throws {
    let record = run.appendingPathComponent("run.json")
    let text = try String(contentsOf: record, encoding: .utf8)
      .replacingOccurrences(of: "\"format_version\": 2", with: "\"format_version\": 999")
    try text.write(to: record, atomically: true, encoding: .utf8)
    let result = try CLI.run(["summarize", "--run", run.path])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "error: \(record.path): key \"format_version\": 999 is not a layout this bayes-mmm reads "
        + "(it reads 2); re-run sample with this version of bayes-mmm\n")
  }
}
