import Foundation
import XCTest

/// `bayes-mmm check-data` end to end through the built binary.
final class CheckDataCommandTests: XCTestCase {
  private var folder: URL?

  override func tearDownWithError() throws {
    if let folder { try? FileManager.default.removeItem(at: folder) }
  }

  private func temporaryFolder() throws -> URL {
    let url = try CLI.temporaryDirectory()
    folder = url
    return url
  }

  private func bundledLines() throws -> [String] {
    let path = CLI.packageRoot.appendingPathComponent("data/mmm_weekly.csv").path
    return try String(contentsOfFile: path, encoding: .utf8)
      .split(separator: "\n").map(String.init)
  }

  /// Writes the bundled file with `edit` applied to its lines as `bad.csv` in a fresh folder.
  private func badFile(_ edit: (inout [String]) -> Void) throws -> URL {
    let directory = try temporaryFolder()
    var lines = try bundledLines()
    edit(&lines)
    try Data((lines.joined(separator: "\n") + "\n").utf8)
      .write(to: directory.appendingPathComponent("bad.csv"))
    return directory
  }

  func testBundledDataExitsZeroAndReportsTheFindings() throws {
    let result = try CLI.run(["check-data"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "")
    XCTAssertTrue(result.stdout.hasPrefix("Data: data/mmm_weekly.csv\n"), result.stdout)
    for expected in [
      "  sha256  96b2a76d0b386a0d937c2e7982f8a6fd59f7674166b502b04c9743e01eb4f893\n",
      "  weeks   104, 2023-09-17 to 2025-09-07, no gaps\n",
      "Findings: 8 warnings, 4 info\n",
      "warning outcome-floor\n  column  revenue\n  rows    8, 31, 35, 57, 61, 62, 84, 89\n",
      "found   google_spend is 0 in 59 of 104 weeks\n",
      "found   tiktok_spend is 0 in 68 of 104 weeks (flighting)\n",
      "found   instagram_spend is 0 in 63 of 104 weeks (flighting)\n",
      "found   snapchat_spend is 0 in 63 of 104 weeks (flighting)\n",
      "warning leading-zeros-missing\n  column  social_followers\n  rows    1-26\n",
      "info collinearity-checked\n",
    ] {
      XCTAssertTrue(result.stdout.contains(expected), "missing: \(expected)")
    }
  }

  func testFindsTheBundledDataFromAnotherFolder() throws {
    let result = try CLI.run(["check-data"], in: try temporaryFolder())
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("data/mmm_weekly.csv\n"), result.stdout)
    XCTAssertTrue(result.stdout.contains("Findings: 8 warnings, 4 info\n"))
  }

  func testJSONFormatParsesAndHoldsTheKeys() throws {
    let result = try CLI.run(["check-data", "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    for key in ["file", "sha256", "weeks", "first_week", "last_week", "roles", "findings",
                "scales"] {
      XCTAssertNotNil(object[key], key)
    }
    XCTAssertEqual(object["sha256"] as? String,
                   "96b2a76d0b386a0d937c2e7982f8a6fd59f7674166b502b04c9743e01eb4f893")
    XCTAssertEqual(object["weeks"] as? Int, 104)
    XCTAssertEqual(object["last_week"] as? String, "2025-09-07")
    let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
    let floor = try XCTUnwrap(findings.first { $0["code"] as? String == "outcome-floor" })
    XCTAssertEqual(floor["rows"] as? [Int], [8, 31, 35, 57, 61, 62, 84, 89])
    XCTAssertEqual(floor["severity"] as? String, "warning")
    let scales = try XCTUnwrap(object["scales"] as? [String: Any])
    XCTAssertEqual(try XCTUnwrap(scales["outcome_mean"] as? Double), 49053.945096153846,
                   accuracy: 1e-6)
  }

  func testTextInANumberExitsOneWithTheExactMessage() throws {
    let directory = try badFile { lines in
      lines[4] = lines[4].replacingOccurrences(
        of: ",0.0,0.0,0.0,0,103.14", with: ",abc,0.0,0.0,0,103.14")
    }
    let result = try CLI.run(["check-data", "--data", "bad.csv"], in: directory)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(
      result.stderr,
      "error: bad.csv: line 5 (row 4), column \"tiktok_spend\": \"abc\" is not a number\n")
  }

  func testNonWeeklyDatesExitOne() throws {
    let directory = try badFile { lines in
      lines[4] = lines[4].replacingOccurrences(of: "2023-10-08", with: "2023-10-09")
    }
    let result = try CLI.run(["check-data", "--data", "bad.csv"], in: directory)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "error: bad.csv: line 5 (row 4), column \"week\": 2023-10-09 is 8 days after 2023-10-01 on "
        + "line 4 (row 3); weekly dates must be a multiple of 7 days apart, in increasing order\n")
  }

  func testMissingColumnAndMissingFileExitOne() throws {
    let result = try CLI.run(["check-data", "--outcome", "sales"])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "error: data/mmm_weekly.csv: column \"sales\" (outcome) not found; the header has: week, "
        + "facebook_spend, google_spend, tiktok_spend, instagram_spend, snapchat_spend, "
        + "social_followers, average_price, promotions, emails_send, sms_send, revenue\n")
    let missing = try CLI.run(["check-data", "--data", "no-such.csv"])
    XCTAssertEqual(missing.status, 1)
    XCTAssertEqual(missing.stderr, "error: no-such.csv: cannot read the data file (no such file)\n")
  }

  func testRolesFromAFileAndFromOptions() throws {
    let directory = try temporaryFolder()
    let rolesPath = directory.appendingPathComponent("roles.json").path
    try Data(#"{"social": ["facebook_spend", "tiktok_spend"], "owned": []}"#.utf8)
      .write(to: URL(fileURLWithPath: rolesPath))
    let result = try CLI.run(["check-data", "--roles", rolesPath, "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let roles = try XCTUnwrap(object["roles"] as? [String: Any])
    XCTAssertEqual(roles["social"] as? [String], ["facebook_spend", "tiktok_spend"])
    XCTAssertEqual(roles["owned"] as? [String], [])

    let overridden = try CLI.run(["check-data", "--roles", rolesPath, "--social", "tiktok_spend",
                                  "--owned", "emails_send,facebook_spend", "--format", "json"])
    XCTAssertEqual(overridden.status, 0, overridden.stderr)
    XCTAssertTrue(overridden.stdout.contains("\"emails_send\",\n"), overridden.stdout)

    let bad = try CLI.run(["check-data", "--social", "tiktok_spend", "--owned", "tiktok_spend"])
    XCTAssertEqual(bad.status, 1)
    XCTAssertEqual(
      bad.stderr,
      "error: roles: key \"owned\": column \"tiktok_spend\" has two roles, social and owned\n")
  }

  func testFewerThanOneSocialChannelIsRejected() throws {
    let result = try CLI.run(["check-data", "--social", ""])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr, "error: roles: key \"social\": at least one social channel is needed\n")
  }

  /// Runs `check-data` and `sample` on the same file and options; both must fail alike.
  private func assertBothCommandsFail(
    data: String, in directory: URL, options: [String] = [], _ expected: String,
    line: UInt = #line
  ) throws {
    let checked = try CLI.run(["check-data", "--data", data] + options, in: directory)
    XCTAssertEqual(checked.status, 1, line: line)
    XCTAssertEqual(checked.stdout, "", line: line)
    XCTAssertEqual(checked.stderr, expected, line: line)
    let out = directory.appendingPathComponent("run").path
    let sampled = try CLI.run(
      ["sample", "--data", data, "--out", out, "--chains", "1", "--warmup", "10", "--draws", "10",
       "--quiet"] + options, in: directory)
    XCTAssertEqual(sampled.status, 1, line: line)
    XCTAssertEqual(sampled.stderr, expected, line: line)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out), line: line)
  }

  func testFewerWeeksThanParametersFailsCheckDataWithTheMessageOfSample() throws {
    let directory = try badFile { lines in lines = Array(lines.prefix(60)) }
    try assertBothCommandsFail(
      data: "bad.csv", in: directory,
      "error: bad.csv: 59 weeks of data but the model has 60 parameters; it needs at least as "
        + "many weeks as parameters\n")
  }

  func testCheckDataReadsThePriorsFileLikeSample() throws {
    let directory = try badFile { lines in lines = Array(lines.prefix(70)) }
    let priors = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("priors/default.json"), encoding: .utf8)
      .replacingOccurrences(of: "\"seasonality_order\": 2", with: "\"seasonality_order\": 8")
    try Data(priors.utf8).write(to: directory.appendingPathComponent("priors.json"))
    let plain = try CLI.run(["check-data", "--data", "bad.csv"], in: directory)
    XCTAssertEqual(plain.status, 0, plain.stderr)
    try assertBothCommandsFail(
      data: "bad.csv", in: directory, options: ["--priors", "priors.json"],
      "error: bad.csv: 69 weeks of data but the model has 96 parameters; it needs at least as "
        + "many weeks as parameters\n")
  }

  func testConstantOutcomeIsRefusedByCheckDataAndSample() throws {
    let directory = try badFile { lines in
      for index in lines.indices.dropFirst() {
        var fields = lines[index].split(separator: ",", omittingEmptySubsequences: false)
        fields[fields.count - 1] = "5000"
        lines[index] = fields.joined(separator: ",")
      }
    }
    try assertBothCommandsFail(
      data: "bad.csv", in: directory,
      "error: bad.csv: column \"revenue\" (outcome) is 5000 in every week; a constant outcome "
        + "leaves nothing for the model to explain\n")
  }

  func testSubnormalRevenueIsRefusedByCheckDataAndSample() throws {
    let directory = try badFile { lines in
      lines[8] = lines[8].replacingOccurrences(of: ",1.0", with: ",1e-320")
    }
    try assertBothCommandsFail(
      data: "bad.csv", in: directory,
      "error: bad.csv: line 9 (row 8), column \"revenue\": 1e-320 is too close to 0 (below "
        + "2.2250738585072014e-308, the smallest normal double); the outcome is modelled on "
        + "the log scale, where such a value underflows\n")
  }

  func testOneDataRowIsTooFewWeeksBeforeAnyConstantColumn() throws {
    let directory = try badFile { lines in lines = Array(lines.prefix(2)) }
    try assertBothCommandsFail(
      data: "bad.csv", in: directory,
      "error: bad.csv: 1 week of data; at least 2 are needed to load a file (and a fit needs "
        + "at least as many weeks as the model has parameters)\n")
  }

  func testNULInAFieldIsEscapedInTheError() throws {
    let directory = try badFile { lines in
      lines[4] = lines[4].replacingOccurrences(
        of: ",0.0,0.0,0.0,0,103.14", with: ",1\u{0}2,0.0,0.0,0,103.14")
    }
    let result = try CLI.run(["check-data", "--data", "bad.csv"], in: directory)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "error: bad.csv: line 5 (row 4), column \"tiktok_spend\": \"1\\u{0}2\" is not a number\n")
  }

  func testDevNullIsAnEmptyFile() throws {
    let result = try CLI.run(["check-data", "--data", "/dev/null"])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stderr, "error: /dev/null: the file is empty\n")
  }

  func testAFIFOIsNotARegularFileAndIsNotOpened() throws {
    let directory = try temporaryFolder()
    let fifo = directory.appendingPathComponent("pipe.csv").path
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    let result = try CLI.run(["check-data", "--data", "pipe.csv"], in: directory)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "error: pipe.csv: not a regular file but a named pipe (FIFO); bayes-mmm reads data "
        + "from regular files only\n")
  }

  func testDuplicateKeyInThePriorsFileIsAnErrorNamingItsPath() throws {
    let directory = try temporaryFolder()
    let priors = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("priors/default.json"), encoding: .utf8)
      .replacingOccurrences(
        of: "\"priors\": {",
        with: "\"priors\": {\n    \"revenue_sigma\": {\"family\": \"half_normal\", \"sd\": 9},")
    try Data(priors.utf8).write(to: directory.appendingPathComponent("priors.json"))
    let result = try CLI.run(["check-data", "--priors", "priors.json"], in: directory)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "error: priors.json: key \"priors.revenue_sigma\": duplicate key; each key may appear "
        + "only once in an object\n")
  }

  func testDownstreamEntryNamingAMissingColumnIsAnError() throws {
    let directory = try temporaryFolder()
    try Data(#"{"downstream_of_social": ["social_followers", "followrs"]}"#.utf8)
      .write(to: directory.appendingPathComponent("roles.json"))
    let result = try CLI.run(
      ["check-data", "--roles", "roles.json", "--data", DataOptionsPaths.bundled], in: directory)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "error: \(DataOptionsPaths.bundled): column \"followrs\" (downstream_of_social) not "
        + "found; the header has: week, facebook_spend, google_spend, tiktok_spend, "
        + "instagram_spend, snapchat_spend, social_followers, average_price, promotions, "
        + "emails_send, sms_send, revenue\n")
  }
}

/// Paths the tests pass to `--data`.
private enum DataOptionsPaths {
  static let bundled = CLI.packageRoot.appendingPathComponent("data/mmm_weekly.csv").path
}
