import XCTest

@testable import BayesMMM

/// The prior-predictive simulator against the priors' analytic moments.
///
/// With every coefficient fixed at 0 (priors with sd 1e-12), the model reduces to
/// intercepts and noise, whose moments are known in closed form:
/// - log revenue_t = b + sigma_y t_nu: mean E[b], variance Var b + E[sigma_y^2] nu / (nu - 2);
/// - Google is off with probability E[1 - logistic(c)], c the on/off intercept;
/// - log amount (on weeks) = a + sigma_m z: mean E[a], variance Var a + E[sigma_m^2].
/// Each comparison uses one week per draw (draws are independent) and passes within 4
/// Monte Carlo standard errors from the Diagnostics module.
final class PriorPredictiveSimulatorTests: XCTestCase {
  private let nu = 7.0
  private let draws = 4000

  private func interceptOnlyModel() throws -> JointModel {
    let inputs = PriorPredictiveTestModels.inputsWithoutFloor()
    let chosen: [ParameterGroup: Prior] = try [
      .revenueIntercept: Prior(.normal(mean: -0.5, sd: 0.8)),
      .revenueSigma: Prior(.halfNormal(sd: 0.6)),
      .searchOnoffIntercept: Prior(.normal(mean: 0.3, sd: 1.2)),
      .searchAmountIntercept: Prior(.normal(mean: 0.2, sd: 0.7)),
      .searchAmountSigma: Prior(.logNormal(mu: -1, sigma: 0.3)),
    ]
    let priors = try PriorPredictiveTestModels.priors(
      for: ParameterLayout(inputs: inputs), chosen: chosen)
    return JointModel(inputs: inputs, priors: priors, studentTDegrees: nu)
  }

  private func assertMoments(
    _ values: [Double], mean: Double, sd: Double, _ what: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let meanError = Diagnostics.mcseMean([values])
    let sdError = Diagnostics.mcseSD([values])
    let sampleMean = Diagnostics.mean(values)
    let sampleSD = Diagnostics.standardDeviation(values)
    XCTAssertLessThan(
      abs(sampleMean - mean) / meanError, 4,
      "\(what): mean \(sampleMean) vs \(mean) (MCSE \(meanError))", file: file, line: line)
    XCTAssertLessThan(
      abs(sampleSD - sd) / sdError, 4,
      "\(what): sd \(sampleSD) vs \(sd) (MCSE \(sdError))", file: file, line: line)
  }

  func testInterceptOnlyLogRevenueHasTheAnalyticMeanAndSD() throws {
    let model = try interceptOnlyModel()
    let simulated = PriorPredictiveSimulator.simulate(model: model, count: draws, seed: 11)
    let variance = 0.8 * 0.8 + 0.6 * 0.6 * nu / (nu - 2)
    for week in [0, 17] {
      assertMoments(
        simulated.logRevenue.map { $0[week] }, mean: -0.5, sd: variance.squareRoot(),
        "log revenue, week \(week)")
    }
    XCTAssertEqual(simulated.count, draws)
    XCTAssertEqual(simulated.weeks, model.inputs.weeks)
  }

  func testInterceptOnlyGoogleOffShareMatchesTheLogisticNormalIntegral() throws {
    let model = try interceptOnlyModel()
    let simulated = PriorPredictiveSimulator.simulate(model: model, count: draws, seed: 12)
    let expectedOff = Self.expectation(mean: 0.3, sd: 1.2) { 1 - HillSaturation.logistic($0) }
    let shares = simulated.mediatorZeroShare
    let error = Diagnostics.mcseMean([shares])
    XCTAssertLessThan(abs(Diagnostics.mean(shares) - expectedOff) / error, 4)
  }

  func testInterceptOnlyLogAmountHasTheAnalyticMeanAndSD() throws {
    let model = try interceptOnlyModel()
    let simulated = PriorPredictiveSimulator.simulate(model: model, count: draws, seed: 13)
    let scale = model.inputs.mediatorScale
    let logAmounts = simulated.mediatorSpend.compactMap { series in
      series.first { $0 > 0 }.map { log($0 / scale) }
    }
    XCTAssertGreaterThan(logAmounts.count, draws * 9 / 10)
    let sigmaSecondMoment = exp(2 * -1 + 2 * 0.3 * 0.3)
    assertMoments(
      logAmounts, mean: 0.2, sd: (0.7 * 0.7 + sigmaSecondMoment).squareRoot(), "log amount")
  }

  /// Parameters are drawn from their priors: each column's mean and sd match the prior's.
  func testParameterDrawsFollowTheirPriors() throws {
    let model = try TestModels.flightedModel(seed: 4)
    let simulated = PriorPredictiveSimulator.simulate(model: model, count: draws, seed: 14)
    for (index, prior) in model.priors.enumerated() {
      guard let mean = prior.mean, let sd = prior.standardDeviation else { continue }
      if case .studentT(let nu, _, _) = prior.family, nu <= 4 { continue }
      assertMoments(
        simulated.parameters.map { $0[index] }, mean: mean, sd: sd,
        model.layout.names[index])
    }
  }

  func testSameSeedGivesTheSameDrawsAndAnotherSeedDoesNot() throws {
    let model = try TestModels.flightedModel(seed: 5)
    let first = PriorPredictiveSimulator.simulate(model: model, count: 20, seed: 7)
    let again = PriorPredictiveSimulator.simulate(model: model, count: 20, seed: 7)
    let other = PriorPredictiveSimulator.simulate(model: model, count: 20, seed: 8)
    XCTAssertEqual(first.parameters, again.parameters)
    XCTAssertEqual(first.revenue, again.revenue)
    XCTAssertEqual(first.mediatorSpend, again.mediatorSpend)
    XCTAssertEqual(first.totalEffectShare, again.totalEffectShare)
    XCTAssertNotEqual(first.parameters, other.parameters)
  }

  /// With only channel 0's revenue coefficient non-zero (beta, fixed by a tight prior), the
  /// mediator does not matter and the total effect share is 1 - sum y_t exp(-beta h_t) /
  /// sum y_t, with h the channel's signal at the draw's adstock and Hill parameters.
  func testTotalEffectShareMatchesTheClosedFormWhenOnlyTheDirectPathActs() throws {
    let inputs = PriorPredictiveTestModels.inputsWithoutFloor(seed: 9)
    let layout = ParameterLayout(inputs: inputs)
    var priors = try PriorPredictiveTestModels.priors(
      for: layout, chosen: [.revenueSigma: Prior(.halfNormal(sd: 0.5))])
    let beta = 0.7
    priors[layout.socialEffect.lowerBound] = try Prior(.normal(mean: beta, sd: 1e-12))
    let model = JointModel(inputs: inputs, priors: priors, studentTDegrees: 5)
    let simulated = PriorPredictiveSimulator.simulate(model: model, count: 50, seed: 15)
    let observed = inputs.logRevenue.map { exp($0) * inputs.revenueScale }
    let total = observed.reduce(0, +)
    let forward = ForwardModel(model: model)
    for (k, x) in simulated.parameters.enumerated() {
      let signal = forward.socialSignal(
        channel: 0, scaledSpend: inputs.socialSpend[0], parameters: x)
      let withoutChannel = zip(observed, signal).reduce(0) { $0 + $1.0 * exp(-beta * $1.1) }
      let expected = 1 - withoutChannel / total
      XCTAssertEqual(simulated.totalEffectShare[0][k], expected, accuracy: 1e-9)
      XCTAssertEqual(simulated.totalEffectShare[1][k], 0, accuracy: 1e-9)
    }
  }

  /// E[f(c)] for c ~ N(mean, sd) by Simpson's rule over mean ± 12 sd (error far below the
  /// Monte Carlo error of the tests).
  static func expectation(mean: Double, sd: Double, _ f: (Double) -> Double) -> Double {
    let intervals = 4000
    let lower = mean - 12 * sd
    let step = 24 * sd / Double(intervals)
    var sum = 0.0
    for i in 0...intervals {
      let c = lower + Double(i) * step
      let z = (c - mean) / sd
      let weight = i == 0 || i == intervals ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0)
      sum += weight * f(c) * exp(-0.5 * z * z)
    }
    return sum * step / 3 / (sd * (2 * Double.pi).squareRoot())
  }
}
