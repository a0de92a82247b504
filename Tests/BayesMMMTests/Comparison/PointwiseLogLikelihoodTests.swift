import XCTest

@testable import BayesMMM

/// The pointwise log likelihood is the log density's own likelihood, week by week.
final class PointwiseLogLikelihoodTests: XCTestCase {
  func testTheWeeksSumToTheLogDensityLessThePriorsAndJacobians() throws {
    for model in [
      try TestModels.realDataModel(), try TestModels.flightedModel(seed: 3, controls: 1),
    ] {
      let rng = GSLRandom(runSeed: 61)
      let points = (0..<5).map { _ in (0..<model.dimension).map { _ in rng.uniform(-1.5, 1.5) } }
      let pointwise = PointwiseLogLikelihood(
        model: model, constrainedDraws: points.map { model.constrain($0) })
      let density = model.makeLogDensity()
      for (s, u) in points.enumerated() {
        let (total, _) = FiniteDifferences.evaluate(density, at: u)
        var priors = 0.0
        for (i, prior) in model.priors.enumerated() {
          let map = prior.support.constrainWithJacobian(u[i])
          priors += prior.logDensityWithDerivative(at: map.value).logDensity + map.logJacobian
        }
        let likelihood = pointwise.joint.reduce(0) { $0 + $1[s] }
        XCTAssertEqual(priors + likelihood, total, accuracy: 1e-9 * abs(total))
      }
      let offWeeks = model.inputs.mediatorOn.indices.filter { !model.inputs.mediatorOn[$0] }
      for t in offWeeks { XCTAssertEqual(pointwise.amount[t], [Double](repeating: 0, count: 5)) }
      XCTAssertTrue(pointwise.onOff.allSatisfy { $0.allSatisfy { $0 <= 0 } })
    }
  }

  func testLeaveOneOutOfAShortFitIsFiniteWithOneKPerWeek() throws {
    let model = try TestModels.realDataModel()
    var settings = SamplerSettings()
    (settings.chains, settings.warmup, settings.draws) = (2, 150, 100)
    let chains = try runChains(factory: model, settings: settings, seed: 5, threads: 2)
    let draws = chains.flatMap { chain in
      (0..<chain.drawCount).map { model.constrain(Array(chain.position(ofDraw: $0))) }
    }
    let pointwise = PointwiseLogLikelihood(model: model, constrainedDraws: draws)
    let loo = LeaveOneOut(logLikelihood: pointwise.joint, relativeEfficiency: 1)
    XCTAssertEqual(loo.paretoK.count, 104)
    XCTAssertTrue(loo.elpd.isFinite && loo.standardError > 0 && loo.effectiveParameters > 0)
  }
}
