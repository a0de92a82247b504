import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

final class SampleCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  private let small = ["--chains", "2", "--warmup", "150", "--draws", "100", "--quiet"]

  func testWritesCmdStanChainFilesAndRunRecord() throws {
    let out = folder.appendingPathComponent("run").path
    let result = try CLI.run(["sample", "--out", out] + small)
    XCTAssertEqual(result.status, 0, result.stderr)
    let chain = try String(contentsOfFile: out + "/chain-1.csv", encoding: .utf8)
    let lines = chain.split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertTrue(lines[0].hasPrefix("# stan_version_major"))
    let header = try XCTUnwrap(lines.first { $0.hasPrefix("lp__") })
    XCTAssertTrue(
      header.hasPrefix(
        "lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,energy__,"
          + "adstock_decay_social.1,"))
    XCTAssertTrue(chain.contains("# Adaptation terminated\n# Step size = "))
    XCTAssertEqual(lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }.count, 1 + 100)
    let record = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))
        as? [String: Any])
    for key in ["settings", "data", "priors", "scales", "audit", "parameters", "diagnostics", "timing"] {
      XCTAssertNotNil(record[key], key)
    }
    let data = try XCTUnwrap(record["data"] as? [String: Any])
    XCTAssertEqual(
      data["sha256"] as? String, "96b2a76d0b386a0d937c2e7982f8a6fd59f7674166b502b04c9743e01eb4f893")
    XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/chain-3.csv"))
    XCTAssertTrue(result.stderr.contains("diagnostics:"), result.stderr)
  }

  func testSameSeedGivesByteIdenticalChainFilesForAnyThreadCount() throws {
    let one = folder.appendingPathComponent("one").path
    let two = folder.appendingPathComponent("two").path
    XCTAssertEqual(try CLI.run(["sample", "--out", one, "--threads", "1"] + small).status, 0)
    XCTAssertEqual(try CLI.run(["sample", "--out", two, "--threads", "2"] + small).status, 0)
    for chain in 1...2 {
      let a = try Data(contentsOf: URL(fileURLWithPath: "\(one)/chain-\(chain).csv"))
      let b = try Data(contentsOf: URL(fileURLWithPath: "\(two)/chain-\(chain).csv"))
      XCTAssertEqual(a, b, "chain \(chain)")
    }
  }

  func testBadDataIsRefusedBeforeAnythingIsWritten() throws {
    let text = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("data/mmm_weekly.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[5] = lines[5].replacingOccurrences(of: "0.0,", with: "abc,", options: [], range: nil)
    let bad = folder.appendingPathComponent("bad.csv").path
    try lines.joined(separator: "\n").write(toFile: bad, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("run").path
    let result = try CLI.run(["sample", "--data", bad, "--out", out] + small)
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stderr.hasPrefix("error: \(bad): line 6 (row 5), column "), result.stderr)
    XCTAssertTrue(result.stderr.contains("is not a number"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
  }

  func testFewerWeeksThanParametersIsRefusedWithBothNumbers() throws {
    let text = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("data/mmm_weekly.csv"), encoding: .utf8)
    let short = text.split(separator: "\n").prefix(1 + 50).joined(separator: "\n") + "\n"
    let path = folder.appendingPathComponent("short.csv").path
    try short.write(toFile: path, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("run").path
    let result = try CLI.run(["sample", "--data", path, "--out", out] + small)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "error: \(path): 50 weeks of data but the model has 60 parameters; it needs at least as "
        + "many weeks as parameters\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
  }

  func testInvalidSettingsAreUsageErrors() throws {
    let result = try CLI.run(["sample", "--target-accept", "1.5"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("--target-accept must lie strictly between 0 and 1."))
  }

  func testInterruptStopsTheChainsAndLeavesNoRunBehind() throws {
    let out = folder.appendingPathComponent("run").path
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["sample", "--out", out, "--warmup", "20000", "--draws", "20000", "--quiet"]
    process.currentDirectoryURL = CLI.packageRoot
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    Thread.sleep(forTimeInterval: 1.5)
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    XCTAssertEqual(process.terminationStatus, 130, stderr)
    XCTAssertTrue(stderr.contains("interrupted"), stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    XCTAssertEqual(leftovers, [], "nothing staged is left behind")
  }
}
