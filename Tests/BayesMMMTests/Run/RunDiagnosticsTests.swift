import XCTest

@testable import BayesMMM

/// The run verdict's warnings, on targets built to trigger them.
final class RunDiagnosticsTests: XCTestCase {
  private func diagnostics(
    _ settings: SamplerSettings, make: @escaping @Sendable () -> any LogDensity
  ) throws -> RunDiagnostics {
    let chains = try sampleChains(settings: settings, make: make)
    let dimension = chains[0].dimension
    let table = DrawTable(
      columns: (0..<dimension).map { "x.\($0 + 1)" }, values: chains.map(\.positions))
    return RunDiagnostics(
      table: table, parameterCount: dimension, chains: chains, maxDepth: settings.maxDepth)
  }

  func testTinyTreeDepthIsReportedAsATreeDepthWarning() throws {
    var settings = SamplerSettings()
    settings.maxDepth = 2
    settings.warmup = 300
    settings.draws = 300
    let result = try diagnostics(settings) { CorrelatedGaussianTarget(rho: 0.99) }
    XCTAssertGreaterThan(result.treeDepthHits, 300)
    XCTAssertTrue(
      result.warnings.contains { $0.contains("hit the maximum tree depth 2") }, "\(result.warnings)")
  }

  func testNaNRegionIsReportedAsDivergencesNotACrash() throws {
    var settings = SamplerSettings()
    settings.warmup = 300
    settings.draws = 300
    let result = try diagnostics(settings) { NaNRegionTarget(dimension: 3, boundary: 0.5) }
    XCTAssertGreaterThan(result.divergences, 0)
    XCTAssertTrue(result.warnings.contains { $0.contains("diverged") }, "\(result.warnings)")
  }

  func testHealthyRunHasNoWarningsAndAPlainVerdict() throws {
    var settings = SamplerSettings()
    settings.warmup = 500
    settings.draws = 1000
    let result = try diagnostics(settings) { IndependentGaussianTarget(scales: [1, 2, 0.5]) }
    XCTAssertEqual(result.warnings, [])
    XCTAssertTrue(result.verdict.hasSuffix("the run looks healthy"), result.verdict)
    XCTAssertLessThan(result.maxRHat, 1.01)
  }

  func testFewDrawsGiveAnESSWarning() throws {
    var settings = SamplerSettings()
    settings.warmup = 100
    settings.draws = 60
    let result = try diagnostics(settings) { CorrelatedGaussianTarget(rho: 0.95) }
    XCTAssertTrue(result.warnings.contains { $0.hasPrefix("ESS below 400") }, "\(result.warnings)")
  }
}
