import Foundation
import XCTest

@testable import BayesMMM

/// The price forms in the joint model: layout, exact gradient on the bundled data, the
/// counterfactual price shift, and the priors file's keys and errors.
final class PriceResponseModelTests: XCTestCase {
  private func priorsPath(_ form: PriceResponseForm) -> String {
    TestModels.packageRoot.appendingPathComponent(form.examplePriorsPath).path
  }

  private func bundledModel(_ form: PriceResponseForm) throws -> JointModel {
    let dataset = try WeeklyDataset.load(path: TestModels.bundledDataPath)
    let configuration = try PriorsConfiguration(contentsOf: priorsPath(form))
    XCTAssertEqual(configuration.settings.priceResponse, form)
    return try PreparedModel(dataset: dataset, configuration: configuration).model
  }

  func testEachFormHasItsOwnPriceParameters() throws {
    let constant = try bundledModel(.constantElasticity).layout
    XCTAssertEqual(constant.priceParameters.map { constant.names[$0] }, ["price_elasticity"])
    XCTAssertEqual(constant.priceElasticity, constant.priceParameters.first)
    let linear = try bundledModel(.linearDemand).layout
    XCTAssertEqual(linear.priceParameters.map { linear.names[$0] }, ["price_choke_margin"])
    XCTAssertNil(linear.priceElasticity)
    XCTAssertEqual(linear.count, constant.count)
    XCTAssertEqual(linear.priceParameters, [linear.revenueSigma - 1], "after the controls")
    let spline = try bundledModel(.monotoneSpline).layout
    XCTAssertEqual(
      spline.priceParameters.map { spline.names[$0] },
      ["price_demand_slope"] + (1...4).map { "price_slope_change.\($0)" })
    XCTAssertEqual(spline.groups[spline.priceParameters[1]].group, .priceSlopeChange)
    // Only the constant form keeps log price as a design column.
    let constantModel = try bundledModel(.constantElasticity)
    let linearModel = try bundledModel(.linearDemand)
    XCTAssertEqual(
      constantModel.inputs.revenueDesignColumns, linearModel.inputs.revenueDesignColumns + 1)
  }

  func testGradientMatchesFiniteDifferencesOnTheBundledDataForEveryForm() throws {
    for form in PriceResponseForm.allCases {
      let model = try bundledModel(form)
      let check = GradientCheck(density: model.makeLogDensity(), points: 10, seed: 31)
      XCTAssertLessThan(check.maxRelativeError, 1e-6, form.rawValue)
    }
  }

  func testTheDensitysMeanCarriesTheCentredPriceTerm() throws {
    let model = try bundledModel(.linearDemand)
    let layout = model.layout
    var x = [Double](repeating: 0.2, count: layout.count)
    for (i, prior) in model.priors.enumerated() where !prior.support.contains(x[i]) {
      x[i] = prior.support.constrain(0)
    }
    x[layout.priceParameters[0]] = 0.12
    let density = JointModelDensity(model: model)
    let mean = density.revenueMean(at: model.unconstrain(x))
    let forward = ForwardModel(model: model).state(parameters: x).observedRevenuePredictor
    for t in mean.indices { XCTAssertEqual(mean[t], forward[t], accuracy: 1e-10, "week \(t)") }
    // Moving one week's price moves that week's mean by g(x') - g(x) and no other week.
    let response = try XCTUnwrap(layout.priceResponse)
    var plan = SpendPlan.observed(model.inputs)
    let week = 10
    let observed = try XCTUnwrap(model.inputs.logPrice)[week]
    plan.logPrice?[week] = observed + 0.05
    let shift = PlanShift(
      state: ForwardModel(model: model).state(parameters: x), plan: plan, model: model)
    XCTAssertEqual(
      shift.revenue[week],
      response.logRevenue(at: observed + 0.05, [0.12]) - response.logRevenue(at: observed, [0.12]),
      accuracy: 1e-12)
    XCTAssertEqual(shift.revenue.enumerated().filter { $0.offset != week }.map(\.element).max(), 0)
  }

  // MARK: - Priors file

  private func configuration(model: String, priceGroups: String) throws -> PriorsConfiguration {
    var text = try String(contentsOfFile: priorsPath(.constantElasticity), encoding: .utf8)
    text = text.replacingOccurrences(
      of: #",\n    \"price_response\": \"constant_elasticity\""#, with: "")
    text = text.replacingOccurrences(
      of: #""censor_floor": true"#, with: #""censor_floor": true"# + model)
    text = text.replacingOccurrences(
      of: #""price_elasticity": {"family": "student_t", "nu": 3, "location": -1, "scale": 2},"#,
      with: priceGroups)
    return try PriorsConfiguration(json: try JSONValue(parsing: Data(text.utf8)), source: "p.json")
  }

  private func assertError(
    model: String, priceGroups: String, key: String, containing text: String,
    line: UInt = #line
  ) {
    XCTAssertThrowsError(try configuration(model: model, priceGroups: priceGroups), line: line) {
      let error = $0 as? PriorsError
      XCTAssertEqual(error?.keyPath, key, line: line)
      XCTAssertTrue(String(describing: $0).contains(text), "\($0)", line: line)
    }
  }

  func testAnUnknownPriceResponseIsAnErrorNamingTheKey() {
    assertError(
      model: #", "price_response": "quadratic""#, priceGroups: "", key: "model.price_response",
      containing: "unknown price response \"quadratic\" (expected constant_elasticity, "
        + "linear_demand or monotone_spline)")
    assertError(
      model: #", "price_knots": 0"#, priceGroups: "", key: "model.price_knots",
      containing: "from 1 to 8, got 0")
  }

  func testAPriorOfAnotherFormsParameterIsAnErrorNamingIt() {
    let choke =
      #""price_choke_margin": {"family": "lognormal", "mu": -1.6, "sigma": 0.6},"#
    assertError(
      model: "", priceGroups: choke, key: "priors.price_choke_margin",
      containing: "a prior of the linear_demand price response, but model.price_response is "
        + "constant_elasticity")
    assertError(
      model: #", "price_response": "linear_demand""#,
      priceGroups: choke + #""price_elasticity": {"family": "normal", "mean": 0, "sd": 1},"#,
      key: "priors.price_elasticity", containing: "constant_elasticity price response")
  }

  func testAChokeAtOrBelowTheMedianPriceIsAnError() {
    assertError(
      model: #", "price_response": "linear_demand""#,
      priceGroups: #""price_choke_margin": {"family": "normal", "mean": 0.2, "sd": 0.1},"#,
      key: "priors.price_choke_margin", containing: "must lie in (0, inf)")
  }

  func testAMissingPriorOfTheChosenFormIsNamedWhenTheModelIsBuilt() throws {
    let configuration = try configuration(
      model: #", "price_response": "linear_demand""#, priceGroups: "")
    let dataset = try WeeklyDataset.load(path: TestModels.bundledDataPath)
    XCTAssertThrowsError(try PreparedModel(dataset: dataset, configuration: configuration)) {
      XCTAssertEqual(($0 as? PriorsError)?.keyPath, "priors.price_choke_margin")
    }
  }

  func testTheShippedExampleFilesDifferFromTheDefaultOnlyInThePriceTerm() throws {
    let base = try PriorsConfiguration(contentsOf: TestModels.defaultPriorsPath)
    for form in PriceResponseForm.allCases {
      let example = try PriorsConfiguration(contentsOf: priorsPath(form))
      XCTAssertEqual(example.settings.priceResponse, form)
      for group in ParameterGroup.allCases where PriceResponseForm.owning(group) == nil {
        XCTAssertEqual(example.groupPriors[group], base.groupPriors[group], group.rawValue)
      }
      for group in form.groups { XCTAssertNotNil(example.groupPriors[group], group.rawValue) }
    }
  }
}
