import Foundation
import XCTest

@testable import BayesMMM

/// PSIS-LOO against ArviZ's `az.loo` on a checked-in fixture (Tests/Fixtures/loo): a
/// pointwise log likelihood of 12 observations at 4 x 250 autocorrelated draws, two of them
/// outliers with Pareto k far above 1.
final class LeaveOneOutArviZTests: XCTestCase {
  private struct Fixture: Decodable {
    struct Result: Decodable {
      let elpd_loo: Double
      let se: Double
      let p_loo: Double
      let pareto_k: [Double]
    }
    let posterior: [String: [[Double]]]
    let log_likelihood: [[Double]]
    let reff: Double
    let elpd_loo: Double
    let se: Double
    let p_loo: Double
    let pareto_k: [Double]
    let loo_i: [Double]
    let good_k: Double
    let reff_1: Result
    struct Second: Decodable {
      let name: String
      let log_likelihood: [[Double]]
    }
    struct Compared: Decodable {
      let model: String
      let rank: Int
      let elpd_loo: Double
      let p_loo: Double
      let elpd_diff: Double
      let se: Double
      let dse: Double
    }
    let second_model: Second
    let compare: [Compared]
  }

  private func fixture() throws -> Fixture {
    let url = TestModels.packageRoot.appendingPathComponent("Tests/Fixtures/loo/arviz-loo.json")
    return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }

  private func assertClose(
    _ a: Double, _ b: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(a, b, accuracy: 1e-6 * max(1, abs(b)), what, file: file, line: line)
  }

  func testRelativeEfficiencyIsArviZsMeanESSOverThePooledDraws() throws {
    let fixture = try fixture()
    let parameters = ["mu", "log_sigma"].compactMap { fixture.posterior[$0] }
    XCTAssertEqual(
      LeaveOneOut.relativeEfficiency(of: parameters), fixture.reff, accuracy: 1e-9)
  }

  func testElpdSeAndPLooEqualArviZ() throws {
    let fixture = try fixture()
    let loo = LeaveOneOut(logLikelihood: fixture.log_likelihood, relativeEfficiency: fixture.reff)
    assertClose(loo.elpd, fixture.elpd_loo, "elpd_loo")
    assertClose(loo.standardError, fixture.se, "se")
    assertClose(loo.effectiveParameters, fixture.p_loo, "p_loo")
    assertClose(loo.informationCriterion, -2 * fixture.elpd_loo, "looic")
    XCTAssertEqual(loo.goodKThreshold, fixture.good_k, accuracy: 1e-12)
    for (i, value) in loo.pointwise.enumerated() {
      assertClose(value, fixture.loo_i[i], "loo_i \(i)")
    }
  }

  func testParetoKEqualArviZIncludingTheOutliers() throws {
    let fixture = try fixture()
    let loo = LeaveOneOut(logLikelihood: fixture.log_likelihood, relativeEfficiency: fixture.reff)
    for (i, k) in loo.paretoK.enumerated() { assertClose(k, fixture.pareto_k[i], "k \(i)") }
    let counts = loo.counts
    XCTAssertEqual(counts.good + counts.bad + counts.veryBad, 12)
    XCTAssertEqual(counts.veryBad, fixture.pareto_k.filter { $0 > 1 }.count)
    XCTAssertGreaterThanOrEqual(counts.veryBad, 2)
  }

  func testWithIndependentDrawsTheResultsEqualArviZsToo() throws {
    let fixture = try fixture()
    let loo = LeaveOneOut(logLikelihood: fixture.log_likelihood, relativeEfficiency: 1)
    assertClose(loo.elpd, fixture.reff_1.elpd_loo, "elpd_loo")
    assertClose(loo.standardError, fixture.reff_1.se, "se")
    assertClose(loo.effectiveParameters, fixture.reff_1.p_loo, "p_loo")
    for (i, k) in loo.paretoK.enumerated() { assertClose(k, fixture.reff_1.pareto_k[i], "k \(i)") }
  }

  func testComparisonRanksAndDifferencesEqualArviZsCompare() throws {
    let fixture = try fixture()
    let models = [
      (name: "normal", loo: LeaveOneOut(logLikelihood: fixture.log_likelihood, relativeEfficiency: fixture.reff)),
      (
        name: fixture.second_model.name,
        loo: LeaveOneOut(
          logLikelihood: fixture.second_model.log_likelihood, relativeEfficiency: fixture.reff)
      ),
    ]
    let comparison = ModelComparison(models)
    XCTAssertEqual(comparison.entries.map(\.name), fixture.compare.map(\.model))
    for (entry, expected) in zip(comparison.entries, fixture.compare) {
      XCTAssertEqual(entry.rank, expected.rank)
      assertClose(entry.loo.elpd, expected.elpd_loo, "elpd_loo \(entry.name)")
      assertClose(entry.loo.effectiveParameters, expected.p_loo, "p_loo \(entry.name)")
      assertClose(entry.loo.standardError, expected.se, "se \(entry.name)")
      assertClose(entry.elpdDifference, expected.elpd_diff, "elpd_diff \(entry.name)")
      assertClose(entry.differenceStandardError, expected.dse, "se_diff \(entry.name)")
    }
  }
}
