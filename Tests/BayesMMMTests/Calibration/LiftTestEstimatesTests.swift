import XCTest

@testable import BayesMMM

/// `LiftTestEstimates` (the estimand per draw) and `LiftTestSummary` (with / without the
/// test, the conflict flag).
final class LiftTestEstimatesTests: XCTestCase {
  /// Constrained draws scattered around the centre of the unconstrained space.
  private func draws(_ model: JointModel, count: Int, seed: UInt64, spread: Double = 0.3)
    -> [[Double]]
  {
    let rng = GSLRandom(runSeed: seed)
    return (0..<count).map { _ in
      model.constrain((0..<model.dimension).map { _ in spread * rng.standardNormal() })
    }
  }

  private func model() throws -> JointModel {
    let base = try TestModels.flightedModel(seed: 4)
    return LiftTestTermTests.withTests(
      base,
      [
        LiftTestTermTests.test(on: base.inputs, channel: 0),
        LiftTestTermTests.test(on: base.inputs, channel: 1, from: 30, change: .multiplier(1.5)),
      ])
  }

  func testApproximateEstimateIsTheDensitysMeanPathEffect() throws {
    let model = try model()
    let points = draws(model, count: 5, seed: 1)
    let estimates = LiftTestEstimates(model: model, draws: points, seed: 3)
    for (i, test) in model.liftTests.enumerated() {
      for (d, x) in points.enumerated() {
        let expected = LiftTestTermTests.naiveEffect(model: model, test: test, parameters: x)
        XCTAssertEqual(estimates.approximate[i][d], expected, accuracy: 1e-9 * abs(expected))
      }
    }
  }

  func testWithoutGoogleInTheWayTheFullEffectIsTheMeanPathEffect() throws {
    let base = try TestModels.flightedModel(seed: 4)
    let inputs = base.inputs
    let start = (0..<inputs.fitWeeks - 8).first { t in
      inputs.socialSpend[0][t] > 0 && !(t...(t + 7)).contains { inputs.censored[$0] }
    }
    let test = LiftTestTermTests.test(on: inputs, channel: 0, from: try XCTUnwrap(start))
    XCTAssertFalse(test.weeks.contains { inputs.censored[$0] })
    let model = LiftTestTermTests.withTests(base, [test])
    let block = model.layout.social[0]
    let points = draws(model, count: 4, seed: 2).map { x -> [Double] in
      var x = x
      x[model.layout.googleEffect] = 0
      x[try! XCTUnwrap(block.onOffCoefficient)] = 0
      x[try! XCTUnwrap(block.amountCoefficient)] = 0
      return x
    }
    let estimates = LiftTestEstimates(model: model, draws: points, seed: 5)
    for d in points.indices {
      XCTAssertNotEqual(estimates.full[0][d], 0)
      XCTAssertEqual(
        estimates.full[0][d], estimates.approximate[0][d],
        accuracy: 1e-9 * abs(estimates.full[0][d]))
    }
  }

  func testEstimatesDoNotDependOnThreads() throws {
    let model = try model()
    let points = draws(model, count: 7, seed: 3)
    let one = LiftTestEstimates(model: model, draws: points, seed: 9, threads: 1)
    let three = LiftTestEstimates(model: model, draws: points, seed: 9, threads: 3)
    XCTAssertEqual(one.full, three.full)
    XCTAssertEqual(one.approximate, three.approximate)
  }

  func testATestFiveStandardErrorsFromTheModelIsFlaggedAndOneAtItIsNot() throws {
    let base = try model()
    let points = draws(base, count: 400, seed: 4, spread: 0.15)
    let reference = LiftTestEstimates(model: base, draws: points, seed: 7).full[0]
    let mean = reference.reduce(0, +) / Double(reference.count)
    let sd =
      (reference.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
      / Double(reference.count - 1)).squareRoot()
    let template = base.liftTests[0]
    func with(lift: Double, row: Int) -> LiftTest {
      LiftTest(
        row: row, line: row + 1, channel: template.channel, channelIndex: template.channelIndex,
        start: "", end: "", startWeek: template.startWeek, endWeek: template.endWeek,
        cooldownWeeks: template.cooldownWeeks, spendChange: template.spendChange, lift: lift,
        se: sd)
    }
    let model = LiftTestTermTests.withTests(
      base, [with(lift: mean, row: 1), with(lift: mean + 5 * sd, row: 2)])
    let rows = LiftTestSummary.rows(model: model, draws: points, seed: 7)
    XCTAssertFalse(rows[0].conflict, "p = \(rows[0].pValue)")
    XCTAssertGreaterThan(rows[0].pValue, 0.5)
    XCTAssertTrue(rows[1].conflict, "p = \(rows[1].pValue)")
    XCTAssertEqual(rows[0].posterior.mean, mean, accuracy: 1e-9 * abs(mean))
    let json = rows[1].json
    XCTAssertEqual(json["conflict"], .bool(true))
    XCTAssertEqual(json["without_test"]?["source"], .string("importance_weights"))
    XCTAssertNotNil(json["posterior"]?["q05"]?.numberValue)
  }

  func testAComparisonRunsDrawsAreTheWithoutFigures() throws {
    let model = try model()
    let points = draws(model, count: 50, seed: 5)
    let other = draws(model, count: 60, seed: 6)
    let rows = LiftTestSummary.rows(
      model: model, draws: points, seed: 7,
      comparison: (model: model.replacingInputs(model.inputs), draws: other, directory: "runs/b"))
    let expected = LiftTestEstimates(model: model, draws: other, seed: 7).full[1]
    XCTAssertEqual(
      rows[1].withoutTest.mean, expected.reduce(0, +) / 60,
      accuracy: 1e-9 * abs(rows[1].withoutTest.mean))
    XCTAssertEqual(rows[1].reference, .comparisonRun("runs/b"))
  }
}
