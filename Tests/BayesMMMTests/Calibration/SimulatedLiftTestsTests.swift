import XCTest

@testable import BayesMMM

/// `SimulatedLiftTests`: lift tests drawn from a simulated dataset's truth.
final class SimulatedLiftTestsTests: XCTestCase {
  private func simulated(seed: UInt64 = 11) throws -> SimulatedDataset {
    try SimulatedDataset.simulate(weeks: 80, seed: seed, configuration: TestModels.defaultPriors())
  }

  func testNoiseFreeTestsReportTheTrueFullEffectOfAHoldoutWithSpend() throws {
    let simulated = try simulated()
    let lifts = try SimulatedLiftTests.design(
      for: simulated, relativeSE: 0.2, noise: false, paths: 200)
    XCTAssertEqual(lifts.tests.count, simulated.model.inputs.socialNames.count)
    var model = simulated.model
    model.liftTests = lifts.tests
    let truth = LiftTestEstimates.estimates(
      model: model, parameters: simulated.truth, paths: 200,
      random: GSLRandom(runSeed: simulated.seed, stream: RandomStreams.simulatedLiftTests.stream(0))
    ).full
    for (test, effect) in zip(lifts.tests, truth) {
      XCTAssertEqual(test.spendChange, .off)
      XCTAssertEqual(test.endWeek - test.startWeek, 7)
      XCTAssertEqual(test.cooldownWeeks, 2)
      XCTAssertGreaterThan(simulated.model.inputs.socialSpend[test.channelIndex][test.startWeek], 0)
      XCTAssertEqual(test.lift, effect, accuracy: 0.006)
      XCTAssertEqual(test.se, 0.2 * abs(effect), accuracy: 0.006)
    }
  }

  func testTheSameSeedGivesTheSameFileAndNoiseMovesTheLift() throws {
    let simulated = try simulated()
    let first = try SimulatedLiftTests.design(for: simulated, relativeSE: 0.2, paths: 50)
    let second = try SimulatedLiftTests.design(for: simulated, relativeSE: 0.2, paths: 50)
    XCTAssertEqual(first.csv, second.csv)
    let exact = try SimulatedLiftTests.design(
      for: simulated, relativeSE: 0.2, noise: false, paths: 50)
    XCTAssertNotEqual(first.tests.map(\.lift), exact.tests.map(\.lift))
    XCTAssertEqual(first.trueEffects, exact.trueEffects)
  }
}
