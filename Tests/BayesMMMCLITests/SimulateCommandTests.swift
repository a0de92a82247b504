import Foundation
import XCTest

/// `simulate` end to end: the CSV it writes passes `check-data` and fits with `sample`;
/// truth.json feeds `simulate --truth`.
final class SimulateCommandTests: XCTestCase {
  func testSimulatedDataChecksAndFitsAndTheTruthReplays() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("data.csv").path
    let truth = folder.appendingPathComponent("truth.json").path
    let simulated = try CLI.run([
      "simulate", "--weeks", "60", "--seed", "12", "--out", data, "--truth-out", truth,
    ])
    XCTAssertEqual(simulated.status, 0, simulated.stderr)
    XCTAssertTrue(simulated.stderr.hasPrefix("wrote \(data) (60 weeks, seed 12"), simulated.stderr)
    XCTAssertEqual(simulated.stdout, "")

    let checked = try CLI.run(["check-data", "--data", data])
    XCTAssertEqual(checked.status, 0, checked.stderr)
    XCTAssertTrue(checked.stdout.contains("weeks   60, 2023-09-17 to "), checked.stdout)

    let run = folder.appendingPathComponent("run").path
    let sampled = try CLI.run([
      "sample", "--data", data, "--chains", "1", "--warmup", "100", "--draws", "50", "--quiet",
      "--out", run,
    ])
    XCTAssertEqual(sampled.status, 0, sampled.stderr)
    XCTAssertTrue(FileManager.default.fileExists(atPath: run + "/chain-1.csv"))

    let document = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truth)))
        as? [String: Any])
    let parameters = try XCTUnwrap(document["parameters"] as? [String: Double])
    XCTAssertEqual(parameters.count, 60)
    XCTAssertNotNil(parameters["price_choke_margin"])
    XCTAssertNotNil(document["scales"] as? [String: Double])
    XCTAssertNotNil(document["effects"])

    let replay = folder.appendingPathComponent("replay.csv").path
    let replayed = try CLI.run([
      "simulate", "--weeks", "60", "--seed", "12", "--truth", truth, "--out", replay,
    ])
    XCTAssertEqual(replayed.status, 0, replayed.stderr)
    XCTAssertTrue(replayed.stderr.contains("parameters from \(truth)"), replayed.stderr)
  }

  func testPriceResponseUsesItsExamplePriorsAndMustAgreeWithGivenPriors() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("spline.csv").path
    let truth = folder.appendingPathComponent("spline.json").path
    let simulated = try CLI.run([
      "simulate", "--weeks", "52", "--seed", "5", "--price-response", "monotone_spline",
      "--out", data, "--truth-out", truth, "--effect-paths", "10",
    ])
    XCTAssertEqual(simulated.status, 0, simulated.stderr)
    let document = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truth)))
        as? [String: Any])
    let parameters = try XCTUnwrap(document["parameters"] as? [String: Double])
    XCTAssertNotNil(parameters["price_slope_change.4"])
    XCTAssertNil(parameters["price_elasticity"])
    XCTAssertEqual(
      (document["model"] as? [String: Any])?["price_response"] as? String, "monotone_spline")

    let other = folder.appendingPathComponent("other.csv").path
    let refused = try CLI.run([
      "simulate", "--price-response", "linear_demand", "--priors",
      CLI.packageRoot.appendingPathComponent("priors/constant-elasticity.json").path,
      "--out", other,
    ])
    XCTAssertNotEqual(refused.status, 0)
    XCTAssertTrue(
      refused.stderr.contains("--price-response linear_demand disagrees with"), refused.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: other))
  }

  func testPriorsAndTruthTogetherIsAUsageError() throws {
    let result = try CLI.run([
      "simulate", "--priors", "a.json", "--truth", "b.json", "--out", "/tmp/never.csv",
    ])
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(
      result.stderr.contains(
        "Use either --priors (draw the parameters) or --truth (give them), not both."),
      result.stderr)
  }

  func testMissingTruthFileIsAnErrorNamingIt() throws {
    let result = try CLI.run(["simulate", "--truth", "/nonexistent/t.json", "--out", "/tmp/x.csv"])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stderr, "error: /nonexistent/t.json: cannot read the file\n")
  }
}

/// `sbc` and `validate` through the binary: exit codes, formats and usage errors.
final class SBCAndValidationCommandTests: XCTestCase {
  func testTinySBCPrintsJSONWithRanksPerSimulation() throws {
    let result = try CLI.run([
      "sbc", "--sims", "3", "--weeks", "20", "--draws", "9", "--bins", "2", "--warmup", "100",
      "--thin", "2", "--social-channels", "1", "--owned-channels", "0", "--seasonality-order",
      "0", "--format", "json", "--seed", "3",
    ])
    XCTAssertTrue([0, 1].contains(result.status), result.stderr)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let simulations = try XCTUnwrap(json["simulations"] as? [[String: Any]])
    XCTAssertEqual(simulations.count, 3)
    for simulation in simulations {
      let ranks = try XCTUnwrap(simulation["ranks"] as? [Double])
      XCTAssertEqual(ranks.count, 23)
      XCTAssertTrue(ranks.allSatisfy { (0...9).contains($0) })
    }
    XCTAssertEqual((json["passes"] as? Bool) == true ? 0 : 1, result.status)
  }

  func testSBCRejectsMoreBinsThanRanks() throws {
    let result = try CLI.run(["sbc", "--draws", "9", "--bins", "20"])
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(
      result.stderr.contains("The number of bins must be from 2 to the number of draws + 1 (10)."),
      result.stderr)
  }

  func testValidateRejectsFoldsThatLeaveTooFewTrainingWeeks() throws {
    let result = try CLI.run(["validate", "--folds", "10", "--horizon", "8", "--quiet"])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "error: 10 folds of 8 weeks leave 24 training weeks in the first fold of 104; at least 26 "
        + "are needed. Use fewer --folds or a shorter --horizon.\n")
  }
}
