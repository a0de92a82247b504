import Foundation
import XCTest

/// Issue 12.9: price and promotion are optional roles. The bundled data with its
/// `average_price` and `promotions` columns removed is fitted with `--no-price
/// --no-promotion` (and with a roles file saying `null`), then summarised, reported, audited,
/// checked against the priors, validated and gradient-checked: every command leaves the
/// price and promotion terms out.
final class OptionalRolesCommandTests: XCTestCase {
  /// A temporary folder with `plain-weekly.csv` and one small run on it, `run`.
  private struct Fixture {
    let folder: URL
    var data: String { folder.appendingPathComponent("plain-weekly.csv").path }
    var run: String { folder.appendingPathComponent("run").path }
  }

  private struct CommandFailure: Error { let stderr: String }

  /// 2 chains x 60 draws: enough for every command to have something to read.
  private static let sampling = [
    "--chains", "2", "--warmup", "150", "--draws", "60", "--seed", "5", "--quiet",
  ]
  private static let noTerms = ["--no-price", "--no-promotion"]

  private static let fixture = Result { () throws -> Fixture in
    let fixture = Fixture(folder: try CLI.temporaryDirectory())
    try withoutColumns(["average_price", "promotions"]).write(
      toFile: fixture.data, atomically: true, encoding: .utf8)
    let result = try CLI.run(
      ["sample", "--data", fixture.data] + noTerms + sampling + ["--out", fixture.run])
    guard result.status == 0 else { throw CommandFailure(stderr: result.stderr) }
    return fixture
  }

  override class func tearDown() {
    if let fixture = try? fixture.get() { try? FileManager.default.removeItem(at: fixture.folder) }
    super.tearDown()
  }

  /// The bundled CSV without `dropped` (the file has no quoted fields).
  private static func withoutColumns(_ dropped: Set<String>) throws -> String {
    let text = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("data/mmm_weekly.csv"), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let kept = header.indices.filter { !dropped.contains(header[$0]) }
    return lines.map { line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      return kept.map { String(fields[$0]) }.joined(separator: ",")
    }.joined(separator: "\n") + "\n"
  }

  private func jsonObject(_ text: String) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  private func isPriceOrPromotion(_ name: String) -> Bool {
    name.contains("price") || name.contains("promo")
  }

  func testSampleWithoutPriceAndPromotionLeavesTheirParametersAndColumnsOut() throws {
    let fixture = try Self.fixture.get()
    let record = try jsonObject(
      try String(contentsOfFile: fixture.run + "/run.json", encoding: .utf8))
    let roles = try XCTUnwrap((record["data"] as? [String: Any])?["roles"] as? [String: Any])
    XCTAssertTrue(roles["price"] is NSNull, "run.json records \"price\": null")
    XCTAssertTrue(roles["promotion"] is NSNull, "run.json records \"promotion\": null")
    let parameters = try XCTUnwrap(record["parameters"] as? [String])
    XCTAssertEqual(parameters.count, 56)
    XCTAssertEqual(parameters.filter(isPriceOrPromotion), [])
    let columns = try XCTUnwrap(record["columns"] as? [String])
    XCTAssertEqual(columns.filter(isPriceOrPromotion), [])
    XCTAssertEqual(
      Array(columns.filter { !$0.hasPrefix("log_lik") }.suffix(2)), ["google_effect", "google_roi"])
    let scales = try XCTUnwrap(record["scales"] as? [String: Any])
    XCTAssertTrue(scales["median_price"] is NSNull)
    let header = try XCTUnwrap(
      try String(contentsOfFile: fixture.run + "/chain-1.csv", encoding: .utf8)
        .split(separator: "\n").first { !$0.hasPrefix("#") })
    XCTAssertFalse(header.contains("price") || header.contains("promo"), String(header))
  }

  func testSummarizeOmitsThePriceAndPromotionSections() throws {
    let fixture = try Self.fixture.get()
    let text = try CLI.run(["summarize", "--run", fixture.run, "--data", fixture.data])
    XCTAssertEqual(text.status, 0, text.stderr)
    for heading in ["SOCIAL EFFECTS ON REVENUE", "GOOGLE", "FIT", "PARAMETERS"] {
      XCTAssertTrue(text.stdout.contains("\n\(heading)\n"), heading)
    }
    XCTAssertFalse(text.stdout.contains("\nPRICE\n"), text.stdout)
    XCTAssertFalse(text.stdout.contains("\nPROMOTION\n"), text.stdout)
    XCTAssertFalse(text.stdout.lowercased().contains("price"), text.stdout)
    XCTAssertFalse(text.stdout.lowercased().contains("promo"), text.stdout)

    let json = try CLI.run(
      ["summarize", "--run", fixture.run, "--data", fixture.data, "--format", "json"])
    XCTAssertEqual(json.status, 0, json.stderr)
    let object = try jsonObject(json.stdout)
    XCTAssertEqual(
      Set(object.keys), ["parameters", "effects", "google", "fit", "diagnostics", "assumption"])
    let names = try XCTUnwrap(object["parameters"] as? [[String: Any]]).compactMap {
      $0["name"] as? String
    }
    XCTAssertEqual(names.count, 56 + 14 * 4 + 2)
    XCTAssertEqual(names.filter(isPriceOrPromotion), [])
  }

  func testRolesFileWithNullPriceAndPromotionFitsTheSameModel() throws {
    let fixture = try Self.fixture.get()
    let roles = fixture.folder.appendingPathComponent("roles.json").path
    try #"{"price": null, "promotion": null}"#.write(
      toFile: roles, atomically: true, encoding: .utf8)
    let run = fixture.folder.appendingPathComponent("run-roles").path
    let result = try CLI.run(
      ["sample", "--data", fixture.data, "--roles", roles] + Self.sampling + ["--out", run])
    XCTAssertEqual(result.status, 0, result.stderr)
    for chain in ["chain-1.csv", "chain-2.csv"] {
      XCTAssertEqual(
        try Data(contentsOf: URL(fileURLWithPath: "\(run)/\(chain)")),
        try Data(contentsOf: URL(fileURLWithPath: "\(fixture.run)/\(chain)")),
        "\(chain): the roles file and the options give the same fit")
    }
  }

  func testDiagnosePassesOnTheModelWithoutPriceAndPromotion() throws {
    let fixture = try Self.fixture.get()
    let result = try CLI.run(
      ["diagnose", "--data", fixture.data] + Self.noTerms + ["--points", "2", "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let object = try jsonObject(result.stdout)
    XCTAssertEqual(object["parameters"] as? Double, 56)
    XCTAssertEqual(object["passed"] as? Bool, true)
    XCTAssertLessThanOrEqual(try XCTUnwrap(object["max_relative_error"] as? Double), 1e-6)
  }

  func testReportLeavesOutThePriceAndPromotionCharts() throws {
    let fixture = try Self.fixture.get()
    let out = fixture.folder.appendingPathComponent("report.html").path
    let result = try CLI.run(
      ["report", "--run", fixture.run, "--data", fixture.data, "--out", out, "--draws", "40"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let html = try String(contentsOfFile: out, encoding: .utf8)
    for id in ["fit", "residuals", "prior-posterior", "effects", "response-curves", "audit"] {
      XCTAssertTrue(html.contains("id=\"\(id)\""), id)
    }
    XCTAssertFalse(html.contains("id=\"price-promotion\""))
    for title in [
      "Residuals against price", "Residuals against promotions",
      "Revenue change against a price change", "Promotion lift on weekly revenue",
    ] {
      XCTAssertFalse(html.contains(title), title)
    }
  }

  func testCheckDataPriorPredictiveAndValidateWorkWithoutPriceAndPromotion() throws {
    let fixture = try Self.fixture.get()
    let data = ["--data", fixture.data] + Self.noTerms
    let audit = try CLI.run(["check-data"] + data + ["--format", "json"])
    XCTAssertEqual(audit.status, 0, audit.stderr)
    let roles = try XCTUnwrap(try jsonObject(audit.stdout)["roles"] as? [String: Any])
    XCTAssertTrue(roles["price"] is NSNull)
    XCTAssertTrue(roles["promotion"] is NSNull)

    let out = fixture.folder.appendingPathComponent("prior-predictive").path
    let prior = try CLI.run(
      ["prior-predictive"] + data + ["--draws", "50", "--format", "json", "--out", out])
    XCTAssertEqual(prior.status, 0, prior.stderr)
    XCTAssertFalse(prior.stdout.contains("price_elasticity"), prior.stdout)
    XCTAssertFalse(prior.stdout.contains("promo_lift"), prior.stdout)
    XCTAssertTrue(prior.stdout.contains("total_effect_share.instagram_spend"), prior.stdout)

    let validate = try CLI.run(
      ["validate"] + data + [
        "--folds", "2", "--horizon", "4", "--chains", "1", "--warmup", "40", "--draws", "20",
        "--quiet",
      ])
    XCTAssertEqual(validate.status, 0, validate.stderr)
    for absent in [
      "price_elasticity", "promo_lift", "corr(residual, log price)", "corr(residual, log price^2)",
      "corr(residual, promotions)",
    ] {
      XCTAssertFalse(validate.stdout.contains(absent), absent)
    }
    XCTAssertTrue(validate.stdout.contains("beta_social.3 (instagram_spend)"), validate.stdout)
  }

  func testMissingPriceColumnSuggestsTheOptions() throws {
    let fixture = try Self.fixture.get()
    let result = try CLI.run(["check-data", "--data", fixture.data, "--no-promotion"])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "error: \(fixture.data): column \"average_price\" (price) not found; the header has: "
        + "week, facebook_spend, google_spend, tiktok_spend, instagram_spend, snapchat_spend, "
        + "social_followers, emails_send, sms_send, revenue; name the column with --price, or "
        + "pass --no-price if the data has none\n")
  }

  func testConstantPriceNamesTheOptionThatLeavesItOut() throws {
    let fixture = try Self.fixture.get()
    let path = fixture.folder.appendingPathComponent("constant-price.csv").path
    let text = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("data/mmm_weekly.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    let column = try XCTUnwrap(lines[0].split(separator: ",").firstIndex(of: "average_price"))
    for row in 1..<lines.count {
      var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false)
        .map(String.init)
      fields[column] = "99"
      lines[row] = fields.joined(separator: ",")
    }
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let refused = try CLI.run(["check-data", "--data", path])
    XCTAssertEqual(refused.status, 1)
    XCTAssertEqual(
      refused.stderr,
      "error: \(path): column \"average_price\" (price) is 99 in every week; a constant "
        + "regressor carries no information, so leave it out with --no-price (or \"price\": "
        + "null in a roles file)\n")
    let accepted = try CLI.run(["check-data", "--data", path, "--no-price"])
    XCTAssertEqual(accepted.status, 0, accepted.stderr)
  }

  func testPriceWithNoPriceIsAnError() throws {
    let result = try CLI.run(["check-data", "--price", "average_price", "--no-price"])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr, "error: --price and --no-price contradict each other; give one of them\n")
  }
}
