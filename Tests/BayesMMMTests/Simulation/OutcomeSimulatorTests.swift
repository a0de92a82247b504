import XCTest

@testable import BayesMMM

final class OutcomeSimulatorTests: XCTestCase {
  private func truth(_ model: JointModel) -> [Double] {
    model.constrain([Double](repeating: 0.2, count: model.dimension))
  }

  /// The share of on weeks matches the mean on-probability within Monte Carlo error, and
  /// log amounts in on weeks have the model's mean and sd.
  func testMediatorOnShareAndAmountMomentsMatchTheModel() throws {
    let model = try TestModels.flightedModel(seed: 12)
    let x = truth(model)
    let state = ForwardModel(model: model).state(parameters: x)
    let eta = state.onOffPredictor(socialSignals: state.socialSignals)
    let expectedOn = eta.map { HillSaturation.logistic($0) }.reduce(0, +)
    let rng = GSLRandom(runSeed: 40)
    let replicates = 400
    var onCounts: [Double] = []
    for _ in 0..<replicates {
      let outcome = OutcomeSimulator.simulate(model: model, parameters: x, random: rng)
      onCounts.append(Double(outcome.inputs.mediatorOnWeeks.count))
    }
    let mean = onCounts.reduce(0, +) / Double(replicates)
    let variance = eta.reduce(0.0) { sum, value in
      let p = HillSaturation.logistic(value)
      return sum + p * (1 - p)
    }
    XCTAssertLessThan(abs(mean - expectedOn) / (variance / Double(replicates)).squareRoot(), 4)
  }

  /// With the scales held fixed, a simulated dataset's log density at the truth equals the
  /// sum of the simulated factors: simulation and likelihood describe the same model.
  func testSimulatedOutcomesAreConsistentWithTheDensity() throws {
    let model = try TestModels.flightedModel(seed: 13)
    let x = truth(model)
    let outcome = OutcomeSimulator.simulate(model: model, parameters: x, random: GSLRandom(runSeed: 41))
    let simulatedModel = model.replacingInputs(outcome.inputs)
    let density = simulatedModel.makeLogDensity()
    let u = simulatedModel.unconstrain(x)
    let (value, _) = FiniteDifferences.evaluate(density, at: u)
    let naive = NaiveJointModel.logPosterior(model: simulatedModel, unconstrained: u)
    XCTAssertEqual(value, naive, accuracy: 1e-9 * abs(naive))
    XCTAssertEqual(outcome.inputs.revenueScale, model.inputs.revenueScale)
    XCTAssertEqual(outcome.revenue.count, model.inputs.weeks)
  }

  func testSameStreamGivesTheSameData() throws {
    let model = try TestModels.flightedModel(seed: 14)
    let x = truth(model)
    let a = OutcomeSimulator.simulate(model: model, parameters: x, random: GSLRandom(runSeed: 42))
    let b = OutcomeSimulator.simulate(model: model, parameters: x, random: GSLRandom(runSeed: 42))
    XCTAssertEqual(a.revenue, b.revenue)
    XCTAssertEqual(a.mediatorSpend, b.mediatorSpend)
  }
}
