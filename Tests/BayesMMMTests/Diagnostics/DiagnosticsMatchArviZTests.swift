import XCTest

@testable import BayesMMM

/// Pins every diagnostic to the values ArviZ 0.23.4 computes for the draws in
/// Tests/Fixtures/diagnostics (see the README there), to 1e-6 relative.
final class DiagnosticsMatchArviZTests: XCTestCase {
  private static let relativeTolerance = 1e-6
  private static let drawCases = [
    "iid_normal", "ar1_rho09", "cauchy", "one_chain_shifted", "lognormal_skewed",
    "odd_length_ar1", "two_chains_trend",
  ]

  private var expectations: [String: ArviZCase] = [:]
  private var supplement: [String: ArviZSupplementCase] = [:]
  private var draws: [String: [[Double]]] = [:]

  override func setUpWithError() throws {
    expectations = try FixtureLoading.decode(
      ArviZExpectations.self, from: "diagnostics/expected.json"
    ).expected
    supplement = try FixtureLoading.decode(
      ArviZSupplement.self, from: "diagnostics/expected_supplement.json"
    ).expected
    for name in Self.drawCases + ["energy"] {
      draws[name] = try FixtureLoading.chainColumns("diagnostics/\(name).csv")
    }
  }

  // MARK: - Values from expected.json

  func testFixturesHaveTheShapesArviZSaw() throws {
    for name in Self.drawCases + ["energy"] {
      let chains = try XCTUnwrap(draws[name])
      let expected = try XCTUnwrap(expectations[name]).shapeChainsDraws
      XCTAssertEqual([chains.count, chains[0].count], expected, name)
      XCTAssertTrue(chains.allSatisfy { $0.count == expected[1] }, name)
    }
  }

  func testRankNormalizedSplitRHatMatchesArviZ() throws {
    try assertEveryCase(\.rhatRank, "rhat_rank", Diagnostics.rHat)
  }

  func testSplitRHatMatchesArviZ() throws {
    try assertEveryCase(\.rhatSplit, "rhat_split", Diagnostics.splitRHat)
  }

  func testBulkESSMatchesArviZ() throws {
    try assertEveryCase(\.essBulk, "ess_bulk", Diagnostics.essBulk)
  }

  func testTailESSMatchesArviZ() throws {
    try assertEveryCase(\.essTail, "ess_tail", Diagnostics.essTail)
  }

  func testMeanESSMatchesArviZ() throws {
    try assertEveryCase(\.essMean, "ess_mean", Diagnostics.essMean)
  }

  func testMCSEOfTheMeanMatchesArviZ() throws {
    try assertEveryCase(\.mcseMean, "mcse_mean", Diagnostics.mcseMean)
  }

  func testEBFMIPerChainMatchesArviZ() throws {
    let energy = try XCTUnwrap(draws["energy"])
    let expected = try XCTUnwrap(expectations["energy"]?.bfmiPerChain)
    let actual = Diagnostics.eBFMI(energy: energy)
    XCTAssertEqual(actual.count, expected.count)
    for (chain, (value, reference)) in zip(actual, expected).enumerated() {
      assertRelative(value, reference, "energy chain \(chain + 1) E-BFMI")
    }
  }

  // MARK: - Values from expected_supplement.json

  func testMCSEOfTheSDMatchesArviZ() throws {
    for name in Self.drawCases {
      let chains = try XCTUnwrap(draws[name])
      let expected = try XCTUnwrap(supplement[name]).mcseSD
      assertRelative(Diagnostics.mcseSD(chains), expected, "\(name) mcse_sd")
    }
  }

  func testQuantileESSMatchesArviZ() throws {
    for name in Self.drawCases {
      let chains = try XCTUnwrap(draws[name])
      for (key, expected) in try XCTUnwrap(supplement[name]).essQuantile {
        let probability = try XCTUnwrap(Double(key))
        let actual = Diagnostics.essQuantile(chains, probability: probability)
        assertRelative(actual, expected, "\(name) ess_quantile(\(key))")
      }
    }
  }

  func testMCSEOfQuantilesMatchesArviZ() throws {
    for name in Self.drawCases {
      let chains = try XCTUnwrap(draws[name])
      for (key, expected) in try XCTUnwrap(supplement[name]).mcseQuantile {
        let probability = try XCTUnwrap(Double(key))
        let actual = Diagnostics.mcseQuantile(chains, probability: probability)
        assertRelative(actual, expected, "\(name) mcse_quantile(\(key))")
      }
    }
  }

  func testSummaryStatisticsMatchNumPy() throws {
    for name in Self.drawCases {
      let chains = try XCTUnwrap(draws[name])
      let expected = try XCTUnwrap(supplement[name])
      assertRelative(Diagnostics.mean(chains), expected.mean, "\(name) mean", tolerance: 1e-12)
      assertRelative(
        Diagnostics.standardDeviation(chains), expected.sd, "\(name) sd", tolerance: 1e-12)
      for (key, reference) in expected.quantile {
        let probability = try XCTUnwrap(Double(key))
        let actual = Diagnostics.quantile(chains, probability: probability)
        assertRelative(actual, reference, "\(name) quantile(\(key))", tolerance: 1e-12)
      }
    }
  }

  // MARK: - Helpers

  private func assertEveryCase(
    _ field: KeyPath<ArviZCase, Double?>, _ label: String,
    _ diagnostic: ([[Double]]) -> Double,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    for name in Self.drawCases {
      let chains = try XCTUnwrap(draws[name], file: file, line: line)
      let expected = try XCTUnwrap(expectations[name]?[keyPath: field], file: file, line: line)
      assertRelative(diagnostic(chains), expected, "\(name) \(label)", file: file, line: line)
    }
  }

  private func assertRelative(
    _ actual: Double, _ expected: Double, _ label: String,
    tolerance: Double = relativeTolerance,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let relativeError = abs(actual - expected) / abs(expected)
    XCTAssertLessThanOrEqual(
      relativeError, tolerance,
      "\(label): got \(actual), ArviZ \(expected), relative error \(relativeError)",
      file: file, line: line)
  }
}

private struct ArviZExpectations: Decodable {
  let generator: String
  let expected: [String: ArviZCase]
}

private struct ArviZCase: Decodable {
  let rhatRank: Double?
  let rhatSplit: Double?
  let essBulk: Double?
  let essTail: Double?
  let essMean: Double?
  let mcseMean: Double?
  let bfmiPerChain: [Double]?
  let shapeChainsDraws: [Int]

  enum CodingKeys: String, CodingKey {
    case rhatRank = "rhat_rank"
    case rhatSplit = "rhat_split"
    case essBulk = "ess_bulk"
    case essTail = "ess_tail"
    case essMean = "ess_mean"
    case mcseMean = "mcse_mean"
    case bfmiPerChain = "bfmi_per_chain"
    case shapeChainsDraws = "shape_chains_draws"
  }
}

private struct ArviZSupplement: Decodable {
  let generator: String
  let expected: [String: ArviZSupplementCase]
}

private struct ArviZSupplementCase: Decodable {
  let mcseSD: Double
  let essQuantile: [String: Double]
  let mcseQuantile: [String: Double]
  let mean: Double
  let sd: Double
  let quantile: [String: Double]

  enum CodingKeys: String, CodingKey {
    case mcseSD = "mcse_sd"
    case essQuantile = "ess_quantile"
    case mcseQuantile = "mcse_quantile"
    case mean, sd, quantile
  }
}
