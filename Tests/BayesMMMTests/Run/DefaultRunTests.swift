import XCTest

@testable import BayesMMM

/// The default run on the bundled data meets the sampler's acceptance bar (issue 5):
/// 4 chains x 1000 warm-up + 1000 draws, at most 0.5% divergent transitions, every
/// parameter with R-hat <= 1.01 and bulk and tail ESS >= 400.
final class DefaultRunTests: XCTestCase {
  func testDefaultRunOnBundledDataConvergesWithoutDivergences() throws {
    let dataset = try WeeklyDataset.load(path: TestModels.bundledDataPath)
    let prepared = try PreparedModel(dataset: dataset, configuration: TestModels.defaultPriors())
    let settings = SamplerSettings()
    let run = try FitRun.sample(prepared: prepared, settings: settings, threads: 2)
    let diagnostics = run.diagnostics
    XCTAssertEqual(diagnostics.draws, 4000)
    XCTAssertLessThanOrEqual(Double(diagnostics.divergences) / 4000, 0.005)
    XCTAssertLessThanOrEqual(diagnostics.maxRHat, 1.01)
    XCTAssertGreaterThanOrEqual(diagnostics.minESSBulk, 400)
    XCTAssertGreaterThanOrEqual(diagnostics.minESSTail, 400)
    for chain in diagnostics.chains { XCTAssertGreaterThan(chain.eBFMI, 0.3) }
  }
}
