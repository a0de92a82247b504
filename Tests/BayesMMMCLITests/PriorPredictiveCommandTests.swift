import Foundation
import XCTest

/// `bayes-mmm prior-predictive` end to end, and the prior shift `sample` records.
final class PriorPredictiveCommandTests: XCTestCase {
  private var folder: URL?

  override func setUpWithError() throws { folder = try CLI.temporaryDirectory() }

  override func tearDownWithError() throws {
    if let folder { try FileManager.default.removeItem(at: folder) }
  }

  private func output(_ name: String) throws -> String {
    try XCTUnwrap(folder).appendingPathComponent(name).path
  }

  func testJSONOnBundledDataHasTheKeysAndMeetsTheAcceptanceFigures() throws {
    let out = try output("pp")
    let result = try CLI.run(["prior-predictive", "--format", "json", "--out", out])
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let revenue = try XCTUnwrap(json["revenue"] as? [String: Any])
    let google = try XCTUnwrap(json["google_spend"] as? [String: Any])
    let in50 = try XCTUnwrap(revenue["observed_share_in_50"] as? Double)
    let in95 = try XCTUnwrap(revenue["observed_share_in_95"] as? Double)
    XCTAssertLessThanOrEqual(in50, in95)
    XCTAssertGreaterThanOrEqual(in95, 0.9, "the default priors' acceptance figure")
    XCTAssertNotNil(google["observed_share_in_95"] as? Double)
    let observedZero = try XCTUnwrap(google["observed_zero_share"] as? Double)
    XCTAssertEqual(observedZero, 59.0 / 104.0, accuracy: 1e-12)
    XCTAssertNotNil(google["simulated_zero_share_mean"] as? Double)
    let central = try XCTUnwrap(google["simulated_zero_share_central_90"] as? [Double])
    XCTAssertTrue(
      central[0] <= observedZero && observedZero <= central[1],
      "the observed zero share lies in the central 90%: \(central)")
    XCTAssertEqual((revenue["quantiles"] as? [Any])?.count, 5)
    let implied = try XCTUnwrap(json["implied"] as? [String: Any])
    XCTAssertEqual(
      Set(implied.keys),
      [
        "price_elasticity", "promo_lift", "total_effect_share.facebook_spend",
        "total_effect_share.tiktok_spend", "total_effect_share.instagram_spend",
        "total_effect_share.snapchat_spend",
      ])
    XCTAssertEqual(json["passed"] as? Bool, true, "\(json["flags"] ?? "")")
    XCTAssertEqual(json["draws"] as? Double, 1000)
    let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    XCTAssertEqual(
      files, ["bands.csv", "google_spend.csv", "parameters.csv", "revenue.csv", "summary.json"])
    XCTAssertTrue(result.stderr.contains("wrote \(out)/"), result.stderr)
  }

  func testTextReportIsReproducibleFromTheSeed() throws {
    let arguments = ["prior-predictive", "--draws", "200", "--seed", "5"]
    let first = try CLI.run(arguments + ["--out", try output("a")])
    let second = try CLI.run(arguments + ["--out", try output("b")])
    XCTAssertEqual(first.status, 0, first.stderr)
    XCTAssertEqual(first.stdout, second.stdout)
    for heading in ["Revenue per week", "google_spend per week", "Implied priors", "Verdict"] {
      XCTAssertTrue(first.stdout.contains(heading), first.stdout)
    }
    XCTAssertTrue(first.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
  }

  func testTooFewDrawsIsAUsageError() throws {
    let result = try CLI.run(["prior-predictive", "--draws", "5", "--out", try output("x")])
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(result.stderr.contains("--draws must be at least 10."), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: try output("x")))
  }

  func testBadPriorsFileExitsOneAndWritesNothing() throws {
    let priors = try output("bad.json")
    try #"{"priors": {}}"#.write(toFile: priors, atomically: true, encoding: .utf8)
    let result = try CLI.run(["prior-predictive", "--priors", priors, "--out", try output("x")])
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stderr.hasPrefix("error: \(priors): key \"priors."), result.stderr)
    XCTAssertEqual(result.stdout, "")
    XCTAssertFalse(FileManager.default.fileExists(atPath: try output("x")))
  }

  func testSampleRecordsThePriorShiftOfEveryParameter() throws {
    let out = try output("run")
    let result = try CLI.run([
      "sample", "--chains", "2", "--warmup", "200", "--draws", "200", "--quiet", "--out", out,
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let data = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("run.json"))
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    let shifts = try XCTUnwrap(json["prior_shift"] as? [[String: Any]])
    let names = try XCTUnwrap(json["parameters"] as? [String])
    XCTAssertEqual(shifts.compactMap { $0["name"] as? String }, names)
    for shift in shifts {
      let prior = try XCTUnwrap(shift["prior_sd"] as? Double)
      let posterior = try XCTUnwrap(shift["posterior_sd"] as? Double)
      let ratio = try XCTUnwrap(shift["ratio"] as? Double)
      XCTAssertEqual(ratio, posterior / prior, accuracy: 1e-12 * ratio)
    }
    // The data pin the revenue noise far below its prior.
    let sigma = try XCTUnwrap(shifts.first { $0["name"] as? String == "revenue_sigma" })
    XCTAssertLessThan(try XCTUnwrap(sigma["ratio"] as? Double), 0.2)
  }
}
