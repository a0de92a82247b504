import XCTest

@testable import BayesMMM

final class JointModelDensityTests: XCTestCase {
  private func randomPoints(_ count: Int, dimension: Int, seed: UInt64) -> [[Double]] {
    let rng = GSLRandom(runSeed: seed)
    return (0..<count).map { _ in (0..<dimension).map { _ in rng.uniform(-2, 2) } }
  }

  private func assertMatchesNaive(
    _ model: JointModel, seed: UInt64, file: StaticString = #filePath, line: UInt = #line
  ) {
    let density = model.makeLogDensity()
    for point in randomPoints(20, dimension: model.dimension, seed: seed) {
      let (fast, _) = FiniteDifferences.evaluate(density, at: point)
      let naive = NaiveJointModel.logPosterior(model: model, unconstrained: point)
      XCTAssertEqual(fast, naive, accuracy: 1e-9 * max(1, abs(naive)), file: file, line: line)
    }
  }

  func testLogDensityEqualsNaiveImplementationOnFlightedData() throws {
    assertMatchesNaive(try TestModels.flightedModel(seed: 3, controls: 1), seed: 10)
  }

  func testGradientMatchesFiniteDifferencesOnFlightedData() throws {
    assertGradientMatchesFiniteDifferences(
      try TestModels.flightedModel(seed: 4), points: 25, seed: 11)
  }

  func testGradientMatchesFiniteDifferencesWithControlsAndManyChannels() throws {
    let inputs = SyntheticInputs.flighted(
      weeks: 60, socialCount: 6, ownedCount: 3, seed: 5, controls: 2)
    let model = try JointModel(inputs: inputs, configuration: TestModels.defaultPriors())
    assertGradientMatchesFiniteDifferences(model, points: 10, seed: 12)
  }

  func testTrainingPrefixFitMatchesNaiveAndFiniteDifferences() throws {
    let inputs = SyntheticInputs.flighted(weeks: 80, seed: 6, controls: 1, fitWeeks: 50)
    let model = try JointModel(inputs: inputs, configuration: TestModels.defaultPriors())
    assertMatchesNaive(model, seed: 13)
    assertGradientMatchesFiniteDifferences(model, points: 10, seed: 14)
  }

  func testPriorOnlyDensityIsTheSumOfPriorsAndJacobians() throws {
    let inputs = SyntheticInputs.flighted(weeks: 40, seed: 7, fitWeeks: 0)
    let model = try JointModel(inputs: inputs, configuration: TestModels.defaultPriors())
    assertMatchesNaive(model, seed: 15)
    assertGradientMatchesFiniteDifferences(model, points: 5, seed: 16)
  }

  func testLayoutNamesAreUniqueAndTileTheVector() throws {
    let layout = try TestModels.flightedModel().layout
    XCTAssertEqual(Set(layout.names).count, layout.count)
    XCTAssertEqual(layout.names.first, "adstock_decay_social.1")
    XCTAssertEqual(layout.names.last, "revenue_sigma")
    XCTAssertEqual(layout.names[layout.priceElasticity!], "price_elasticity")
    XCTAssertEqual(layout.names[layout.promoLift!], "promo_lift")
  }

  func testNonFiniteInputGivesNonFiniteDensityNotACrash() throws {
    let model = try TestModels.flightedModel()
    let density = model.makeLogDensity()
    var point = [Double](repeating: 0, count: model.dimension)
    point[model.layout.revenueSigma] = -800  // sigma underflows to 0
    let (value, _) = FiniteDifferences.evaluate(density, at: point)
    XCTAssertFalse(value.isFinite)
    point[model.layout.revenueSigma] = .nan
    XCTAssertTrue(FiniteDifferences.evaluate(density, at: point).0.isNaN)
  }
}

final class JointModelRealDataTests: XCTestCase {
  func testGradientMatchesFiniteDifferencesOnTheBundledData() throws {
    let model = try TestModels.realDataModel()
    let check = GradientCheck(density: model.makeLogDensity(), points: 20, seed: 21)
    XCTAssertEqual(check.parameters, 60)
    XCTAssertLessThan(check.maxRelativeError, 1e-6)
  }

  func testLogDensityEqualsNaiveImplementationOnTheBundledData() throws {
    let model = try TestModels.realDataModel()
    let density = model.makeLogDensity()
    let rng = GSLRandom(runSeed: 22)
    for _ in 0..<10 {
      let point = (0..<model.dimension).map { _ in rng.uniform(-2, 2) }
      let naive = NaiveJointModel.logPosterior(model: model, unconstrained: point)
      XCTAssertEqual(
        FiniteDifferences.evaluate(density, at: point).0, naive, accuracy: 1e-9 * abs(naive))
    }
  }

  func testRealDataInputsCarryTheAuditedFacts() throws {
    let inputs = try TestModels.realDataModel().inputs
    XCTAssertEqual(inputs.weeks, 104)
    XCTAssertEqual(inputs.censored.filter { $0 }.count, 8)
    XCTAssertEqual(inputs.mediatorOnWeeks.count, 45)
    XCTAssertEqual(inputs.revenueScale, 49_053.95, accuracy: 0.01)
    XCTAssertEqual(
      inputs.socialNames, ["facebook_spend", "tiktok_spend", "instagram_spend", "snapchat_spend"])
    XCTAssertEqual(try XCTUnwrap(inputs.medianPrice), 99.49, accuracy: 0.005)
  }
}

/// The hurdle mediator's two parts, checked on their own parameters: the logistic on/off
/// part (search_onoff_*) and the log-normal amount part (search_amount_*), at points where
/// eta is far in both tails (|u| up to 4) as well as near 0.
final class HurdleGradientTests: XCTestCase {
  func testHurdleParametersGradientMatchesFiniteDifferences() throws {
    let model = try TestModels.flightedModel(seed: 15)
    for radius in [0.5, 4.0] {
      let check = GradientCheck(
        density: model.makeLogDensity(), points: 6, radius: radius, seed: 17)
      let hurdle = check.entries.filter { model.layout.names[$0.parameter].hasPrefix("search_") }
      XCTAssertEqual(hurdle.count, 6 * (2 * (1 + 3 + 1 + 4 + 1) + 1))
      let worst = hurdle.map(\.relativeError).max() ?? .nan
      XCTAssertLessThan(worst, 1e-6, "radius \(radius)")
    }
  }
}
