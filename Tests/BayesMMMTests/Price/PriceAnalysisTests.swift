import Foundation
import XCTest

@testable import BayesMMM

/// `PriceAnalysis` and `PriceScenario` on models whose answers are known in closed form.
final class PriceAnalysisTests: XCTestCase {
  private func model(_ form: PriceResponseForm, censorFloor: Bool = true) throws -> JointModel {
    var settings = ModelSettings()
    settings.priceResponse = form
    settings.censorFloor = censorFloor
    let campaign = SyntheticCampaign.generate(weeks: 104, seed: 5)
    let inputs = campaign.modelInputs(scales: .reference, settings: settings, floor: nil)
    let layout = ParameterLayout(inputs: inputs)
    return JointModel(
      inputs: inputs,
      priors: try layout.groups.map { _ in try Prior(.normal(mean: 0, sd: 1)) })
  }

  /// Every parameter 0.1 except the price term's theta.
  private func draw(_ model: JointModel, theta: [Double]) -> [Double] {
    var x = [Double](repeating: 0.1, count: model.layout.count)
    for (j, index) in model.layout.priceParameters.enumerated() { x[index] = theta[j] }
    return x
  }

  func testLinearDemandHasItsChokeAndElasticityAndPeaksBelowTheRange() throws {
    let model = try model(.linearDemand)
    let median = try XCTUnwrap(model.inputs.medianPrice)
    let analysis = try XCTUnwrap(PriceAnalysis(model: model, theta: [[0.25], [0.25]]))
    XCTAssertEqual(analysis.elasticityAtMedian.median, -3, accuracy: 1e-12)
    XCTAssertEqual(try XCTUnwrap(analysis.chokePrice).median, 1.25 * median, accuracy: 1e-9)
    // Revenue p (p_c - p) peaks at p_c / 2, far below every observed price.
    XCTAssertEqual(analysis.revenueMaximisingPrice.belowShare, 1)
    XCTAssertNil(analysis.revenueMaximisingPrice.insidePrice)
    XCTAssertEqual(
      analysis.elasticityAcrossRange.map(\.label),
      [
        "lowest", "25%", "median", "75%", "highest",
      ])
    XCTAssertEqual(analysis.elasticityAcrossRange[2].price, median, accuracy: 1e-9)
  }

  func testAConstantElasticityPeaksAtTheEndItPointsTo() throws {
    let model = try model(.constantElasticity)
    let analysis = try XCTUnwrap(PriceAnalysis(model: model, theta: [[-2], [0.5], [0.5]]))
    XCTAssertEqual(analysis.revenueMaximisingPrice.belowShare, 1.0 / 3, accuracy: 1e-15)
    XCTAssertEqual(analysis.revenueMaximisingPrice.aboveShare, 2.0 / 3, accuracy: 1e-15)
    XCTAssertNil(analysis.chokePrice)
  }

  func testASplineThatTurnsAtAKnotPeaksInsideAtThatKnot() throws {
    let model = try model(.monotoneSpline)
    let response = try XCTUnwrap(model.layout.priceResponse)
    let median = try XCTUnwrap(model.inputs.medianPrice)
    // Elasticity 1 below the second knot, 1 - 5 above it: revenue peaks at that knot.
    let theta: [Double] = [0, 0, 5, 0, 0]
    let analysis = try XCTUnwrap(PriceAnalysis(model: model, theta: [theta]))
    let peak = try XCTUnwrap(analysis.revenueMaximisingPrice.insidePrice)
    XCTAssertEqual(analysis.revenueMaximisingPrice.insideShare, 1)
    // Within one grid step and the hinge's smoothing of the knot.
    let knotPrice = median * exp(response.knots[1])
    let step = (analysis.observedRange.upperBound - analysis.observedRange.lowerBound) / 200
    XCTAssertEqual(peak.median, knotPrice, accuracy: step + median * 0.02)
  }

  func testTheWhatIfOfAConstantElasticityScalesEveryWeekAlike() throws {
    let model = try model(.constantElasticity, censorFloor: false)
    let forward = ForwardModel(model: model)
    let scenario = try XCTUnwrap(
      PriceScenario(model: model, state: forward.state(parameters: draw(model, theta: [-1.7]))))
    let total = model.inputs.revenueCurrency.reduce(0, +)
    for change in [-0.1, 0.05, 0.1] {
      XCTAssertEqual(
        scenario.revenueChange(priceChange: change), total * expm1(-1.7 * log1p(change)),
        accuracy: 1e-9 * total)
    }
  }

  func testTheWhatIfOfAFloorWeekStartsFromTheModelsMedianNotTheFloor() throws {
    let model = try model(.linearDemand)
    var inputs = model.inputs
    let floorWeek = try XCTUnwrap(
      inputs.logPrice?.indices.max { inputs.logPrice![$0] < inputs.logPrice![$1] })
    inputs.censored[floorWeek] = true
    let censoredModel = model.replacingInputs(inputs)
    let x = draw(censoredModel, theta: [0.05])
    let state = ForwardModel(model: censoredModel).state(parameters: x)
    let scenario = try XCTUnwrap(PriceScenario(model: censoredModel, state: state))
    let median = inputs.revenueScale * exp(state.observedRevenuePredictor[floorWeek])
    XCTAssertEqual(
      scenario.baseline[floorWeek], min(inputs.revenueCurrency[floorWeek], median),
      accuracy: 1e-12 * median)
  }
}
