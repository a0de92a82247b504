import Foundation
import XCTest

/// `bayes-mmm sample` end to end with the effect columns: byte-identical chain files for any
/// thread count, the column contract in the CSV header and run.json, and --mediator-paths.
final class SampleCommandEffectTests: XCTestCase {
  private static let small = ["--chains", "2", "--warmup", "150", "--draws", "40", "--quiet"]

  func testChainFilesWithEffectsAreByteIdenticalForOneAndTwoThreads() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let one = folder.appendingPathComponent("one")
    let two = folder.appendingPathComponent("two")
    for (threads, out) in [("1", one), ("2", two)] {
      let result = try CLI.run(
        ["sample"] + Self.small + [
          "--mediator-paths", "3", "--threads", threads, "--out", out.path,
        ])
      XCTAssertEqual(result.status, 0, result.stderr)
      XCTAssertTrue(result.stderr.contains("effects: 3 mediator paths per draw"), result.stderr)
    }
    for file in ["chain-1.csv", "chain-2.csv"] {
      let a = try Data(contentsOf: one.appendingPathComponent(file))
      let b = try Data(contentsOf: two.appendingPathComponent(file))
      XCTAssertEqual(a, b, "\(file) differs between --threads 1 and --threads 2")
    }
    let text = try String(contentsOf: one.appendingPathComponent("chain-1.csv"), encoding: .utf8)
    let header = try XCTUnwrap(text.split(separator: "\n").first { !$0.hasPrefix("#") })
    let columns = header.split(separator: ",").map(String.init)
    let run = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: one.appendingPathComponent("run.json")))
        as? [String: Any])
    let effects = try XCTUnwrap(run["effects"] as? [String: Any])
    let contract = try XCTUnwrap(effects["column_contract"] as? [String])
    XCTAssertEqual(contract.count, 2 * 7 * 4 + 6)
    let parameters = try XCTUnwrap(run["parameters"] as? [String])
    // The effects follow the sampler statistics and the parameters (the log-likelihood
    // columns close the row; LogLikelihoodColumnsCommandTests pins them).
    let effectColumns = columns.dropFirst(7 + parameters.count).prefix(contract.count)
    XCTAssertEqual(Array(effectColumns), contract)
    XCTAssertEqual(contract.first, "nde_zero.1")
    XCTAssertEqual(contract.last, "promo_revenue")
    XCTAssertEqual(effects["mediator_paths"] as? Double, 3)
    XCTAssertEqual(
      (run["columns"] as? [String])?.prefix(parameters.count + contract.count).map { $0 },
      parameters + contract)
    let extrapolation = try XCTUnwrap(effects["extrapolation"] as? [String: [String: Bool]])
    XCTAssertEqual(extrapolation["zero"]?["facebook_spend"], true)
    XCTAssertEqual(extrapolation["zero"]?["tiktok_spend"], false)
    XCTAssertEqual(extrapolation["plus10"]?["facebook_spend"], false)
  }

  func testMediatorPathsMustBePositive() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("run")
    let result = try CLI.run(
      ["sample"] + Self.small + ["--mediator-paths", "0", "--out", out.path])
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(
      result.stderr.contains("Error: --mediator-paths must be at least 1."), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
  }
}
