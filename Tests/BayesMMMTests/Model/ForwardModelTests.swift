import XCTest

@testable import BayesMMM

final class ForwardModelTests: XCTestCase {
  /// The forward model's observed predictors reproduce the log density's likelihood: the
  /// log posterior minus priors and Jacobians equals the likelihood computed from the
  /// forward predictors.
  func testObservedPredictorsReproduceTheLikelihood() throws {
    let model = try TestModels.flightedModel(seed: 8, controls: 1)
    let forward = ForwardModel(model: model)
    let rng = GSLRandom(runSeed: 30)
    let density = model.makeLogDensity()
    let inputs = model.inputs
    let t = StudentTTerms(nu: model.studentTDegrees)
    for _ in 0..<5 {
      let u = (0..<model.dimension).map { _ in rng.uniform(-2, 2) }
      let x = model.constrain(u)
      var priorPart = 0.0
      for i in u.indices {
        let (_, logJacobian) = NaiveJointModel.constrain(u[i], model.priors[i].support)
        priorPart += model.priors[i].logDensity(at: x[i]) + logJacobian
      }
      let state = forward.state(parameters: x)
      let eta = state.onOffPredictor(socialSignals: state.socialSignals)
      let amount = state.amountPredictor(socialSignals: state.socialSignals)
      let mu = state.observedRevenuePredictor
      var likelihood = 0.0
      for w in 0..<inputs.weeks {
        let p = 1 / (1 + exp(-eta[w]))
        likelihood += inputs.mediatorOn[w] ? log(p) : log(1 - p)
        if inputs.mediatorOn[w] {
          let z = (inputs.logMediatorAmount[w] - amount[w]) / state.amountSigma
          likelihood += -log(state.amountSigma) - 0.5 * log(2 * Double.pi) - 0.5 * z * z
        }
        likelihood +=
          inputs.censored[w]
          ? t.censoredBelow(inputs.logRevenue[w], mu: mu[w], sigma: state.revenueSigma).0
          : t.density(inputs.logRevenue[w], mu: mu[w], sigma: state.revenueSigma).0
      }
      let (total, _) = FiniteDifferences.evaluate(density, at: u)
      XCTAssertEqual(priorPart + likelihood, total, accuracy: 1e-9 * abs(total))
    }
  }
}
