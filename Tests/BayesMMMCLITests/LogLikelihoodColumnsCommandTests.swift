import BayesMMM
import Foundation
import XCTest

/// `sample` writes the pointwise log likelihood under its documented names, and `loo` gives
/// the same answer reading those columns as recomputing them (a run without them).
final class LogLikelihoodColumnsCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  /// The documented names, written out: `log_lik.1` ... `log_lik_search_amount.104`.
  private static let documentedNames = [
    "log_lik", "log_lik_revenue", "log_lik_search", "log_lik_search_onoff",
    "log_lik_search_amount",
  ].flatMap { vector in (1...104).map { "\(vector).\($0)" } }

  func testAShortRunHasTheColumnsAndLooReadsThemAsItWouldRecomputeThem() throws {
    let run = folder.appendingPathComponent("run")
    let sample = try CLI.run(
      [
        "sample", "--out", run.path, "--chains", "2", "--warmup", "150", "--draws", "60",
        "--mediator-paths", "2", "--quiet",
      ])
    XCTAssertEqual(sample.status, 0, sample.stderr)
    let header = try Self.header(run.appendingPathComponent("chain-2.csv"))
    XCTAssertEqual(Array(header.suffix(Self.documentedNames.count)), Self.documentedNames)
    XCTAssertEqual(header.last, "log_lik_search_amount.104")
    XCTAssertEqual(header.filter { $0.hasPrefix("log_lik") }.count, 520)
    let record = try Self.record(run)
    XCTAssertEqual(record["columns"] as? [String], Array(header.dropFirst(7)))

    let read = try Self.looJSON(run)
    XCTAssertEqual(read["log_likelihood_from"] as? String, "chain_files")
    let equations = try XCTUnwrap(read["equations"] as? [String: Any])
    XCTAssertEqual(
      Set(equations.keys), ["revenue", "search", "search_onoff", "search_amount"])

    let stripped = folder.appendingPathComponent("stripped")
    try Self.copyWithoutLogLikelihood(run, to: stripped)
    var recomputed = try Self.looJSON(stripped)
    XCTAssertEqual(recomputed["log_likelihood_from"] as? String, "recomputed")
    var same = read
    same["log_likelihood_from"] = nil
    recomputed["log_likelihood_from"] = nil
    XCTAssertEqual(NSDictionary(dictionary: same), NSDictionary(dictionary: recomputed))

    let text = try CLI.run(["loo", "--run", stripped.path])
    XCTAssertEqual(text.status, 0, text.stderr)
    XCTAssertTrue(text.stdout.contains("log likelihood recomputed"), text.stdout)
    let summary = try CLI.run(["summarize", "--run", run.path, "--format", "json"])
    XCTAssertEqual(summary.status, 0, summary.stderr)
    XCTAssertFalse(summary.stdout.contains("log_lik"))
  }

  private static func header(_ chain: URL) throws -> [String] {
    let text = try String(contentsOf: chain, encoding: .utf8)
    let line = try XCTUnwrap(text.split(separator: "\n").first { !$0.hasPrefix("#") })
    return line.split(separator: ",").map(String.init)
  }

  private static func record(_ run: URL) throws -> [String: Any] {
    try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("run.json")))
        as? [String: Any])
  }

  private static func looJSON(_ run: URL) throws -> [String: Any] {
    let result = try CLI.run(["loo", "--run", run.path, "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    return try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  /// A copy of the run folder as a version before the log-likelihood columns wrote it: those
  /// columns cut from every chain file, run.json's `columns` and checksums to match.
  private static func copyWithoutLogLikelihood(_ run: URL, to copy: URL) throws {
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    var record = try Self.record(run)
    var checks = try XCTUnwrap(record["chain_file_checks"] as? [[String: Any]])
    for index in checks.indices {
      let name = try XCTUnwrap(checks[index]["file"] as? String)
      let text = try String(contentsOf: run.appendingPathComponent(name), encoding: .utf8)
      var kept: [Int]?
      var lines: [String] = []
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        guard !line.hasPrefix("#"), !line.isEmpty else {
          lines.append(String(line))
          continue
        }
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        let columns = kept ?? fields.indices.filter { !fields[$0].hasPrefix("log_lik") }
        kept = columns
        lines.append(columns.map { String(fields[$0]) }.joined(separator: ","))
      }
      let bytes = Data(lines.joined(separator: "\n").utf8)
      try bytes.write(to: copy.appendingPathComponent(name))
      checks[index]["sha256"] = SHA256.hexDigest(of: [UInt8](bytes))
    }
    record["chain_file_checks"] = checks
    record["columns"] = (record["columns"] as? [String])?.filter { !$0.hasPrefix("log_lik") }
    try JSONSerialization.data(withJSONObject: record).write(
      to: copy.appendingPathComponent("run.json"))
  }
}
