import Foundation
import XCTest

@testable import BayesMMM

/// `bayes-mmm loo` on a real run folder (Tests/Fixtures/loo-run: 2 chains x 120 draws of a
/// 40-week simulation, see make_fixture.py there) equals ArviZ's `az.loo` on the same chain
/// files read with `az.from_cmdstan(files, log_likelihood=...)`, the posterior group cut to
/// the model's parameters.
final class RunLeaveOneOutArviZTests: XCTestCase {
  private struct Fixture: Decodable {
    struct Figures: Decodable {
      let elpd_loo: Double
      let se: Double
      let p_loo: Double
      let pareto_k: [Double]
      let loo_i: [Double]
      let good_k: Double
    }
    struct WholePosterior: Decodable {
      let reff: Double
      let elpd_loo: Double
      let p_loo: Double
    }
    let draws: Int
    let reff: Double
    let on_weeks: [Int]
    let models: [String: Figures]
    let whole_posterior: WholePosterior
  }

  private func fixture() throws -> Fixture {
    try FixtureLoading.decode(Fixture.self, from: "loo-run/arviz-loo.json")
  }

  private func fixtureLoo() throws -> RunLeaveOneOut {
    let run = try StoredRun.read(directory: FixtureLoading.url("loo-run").path)
    let prepared = try run.rebuildModel(dataPath: FixtureLoading.url("loo-run/data.csv").path)
    return try RunLeaveOneOut(run: run, prepared: prepared)
  }

  private func assertClose(
    _ a: Double, _ b: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(a, b, accuracy: 1e-6 * max(1, abs(b)), what, file: file, line: line)
  }

  func testEveryModelsElpdPLooAndParetoKAreArviZs() throws {
    let fixture = try fixture()
    let loo = try fixtureLoo()
    XCTAssertEqual(loo.source, .chainFiles)
    XCTAssertEqual(loo.joint.draws, fixture.draws)
    assertClose(loo.relativeEfficiency, fixture.reff, "r_eff")
    let models: [(String, LeaveOneOut)] = [
      ("joint", loo.joint), ("revenue", loo.revenue), ("search", loo.search),
      ("search_onoff", loo.onOff), ("search_amount", loo.amount),
    ]
    for (name, ours) in models {
      let arviz = try XCTUnwrap(fixture.models[name], name)
      assertClose(ours.elpd, arviz.elpd_loo, "\(name) elpd_loo")
      assertClose(ours.effectiveParameters, arviz.p_loo, "\(name) p_loo")
      assertClose(ours.standardError, arviz.se, "\(name) se")
      assertClose(ours.goodKThreshold, arviz.good_k, "\(name) good_k")
      XCTAssertEqual(ours.paretoK.count, arviz.pareto_k.count, name)
      for (i, k) in arviz.pareto_k.enumerated() {
        assertClose(ours.paretoK[i], k, "\(name) k[\(i)]")
        assertClose(ours.pointwise[i], arviz.loo_i[i], "\(name) elpd_i[\(i)]")
      }
    }
    // The fixture has both reliable and unreliable weeks, so k is pinned on both sides.
    let joint = try XCTUnwrap(fixture.models["joint"])
    XCTAssertTrue(joint.pareto_k.contains { $0 > joint.good_k })
    XCTAssertTrue(joint.pareto_k.contains { $0 <= joint.good_k })
  }

  func testTheAmountIsScoredOverGooglesOnWeeks() throws {
    let fixture = try fixture()
    let run = try StoredRun.read(directory: FixtureLoading.url("loo-run").path)
    let prepared = try run.rebuildModel(dataPath: FixtureLoading.url("loo-run/data.csv").path)
    XCTAssertEqual(prepared.model.inputs.fittedMediatorOnWeeks, fixture.on_weeks)
  }

  /// With 240 draws r_eff sets the PSIS tail length, so ArviZ's default posterior group
  /// (parameters and effect columns) gives another elpd: the fixture tells the definitions
  /// apart, and ours is the parameters-only one.
  func testRelativeEfficiencyIsOverTheParametersNotTheEffectColumns() throws {
    let fixture = try fixture()
    let loo = try fixtureLoo()
    XCTAssertGreaterThan(abs(fixture.whole_posterior.reff - fixture.reff), 0.01)
    XCTAssertGreaterThan(abs(loo.joint.elpd - fixture.whole_posterior.elpd_loo), 1e-4)
    XCTAssertLessThan(
      3 * (Double(fixture.draws) / fixture.reff).squareRoot(), Double(fixture.draws) / 5)
  }

  func testARunWithoutTheColumnsHasItsTermsRecomputed() throws {
    let run = try StoredRun.read(directory: SummaryFixtures.runWithEffects)
    let loo = try RunLeaveOneOut(run: run, prepared: try SummaryFixtures.prepared(run))
    XCTAssertEqual(loo.source, .recomputed)
    XCTAssertEqual(loo.joint.paretoK.count, 104)
    XCTAssertTrue(loo.joint.elpd.isFinite && loo.search.elpd.isFinite)
  }
}
