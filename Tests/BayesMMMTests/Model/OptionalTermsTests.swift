import Foundation
import XCTest

@testable import BayesMMM

/// Issue 12.9: a model without price or promotion has no parameters, design columns, priors
/// or effect columns for them, and its density and gradient are still right.
final class OptionalTermsTests: XCTestCase {
  private let none = OptionalTerms(price: false, promotion: false)

  private func layout(_ terms: OptionalTerms) -> ParameterLayout {
    ParameterLayout(
      socialChannels: ["a", "b"], ownedChannels: ["o"], controlNames: ["c"],
      mediatorName: "g", seasonTerms: 4, terms: terms)
  }

  func testLayoutWithoutPriceHasNoPriceParameter() {
    let full = layout(.all)
    let noPrice = layout(OptionalTerms(price: false, promotion: true))
    XCTAssertNil(noPrice.priceElasticity)
    XCTAssertFalse(noPrice.names.contains("price_elasticity"))
    XCTAssertEqual(noPrice.count, full.count - 1)
    XCTAssertEqual(noPrice.names, full.names.filter { $0 != "price_elasticity" })
    XCTAssertEqual(noPrice.promoLift.map { noPrice.names[$0] }, "promo_lift")
    XCTAssertEqual(noPrice.names[noPrice.controlEffects.lowerBound], "beta_control.1")
    XCTAssertFalse(noPrice.groups.contains { $0.group == .priceElasticity })
    XCTAssertEqual(noPrice.groups[noPrice.controlEffects.lowerBound].group, .controlEffect)
  }

  func testLayoutWithoutPromotionHasNoPromotionParameters() {
    let full = layout(.all)
    let noPromotion = layout(OptionalTerms(price: true, promotion: false))
    let promotionNames: Set = ["search_onoff_promo", "search_amount_promo", "promo_lift"]
    XCTAssertNil(noPromotion.promoLift)
    XCTAssertEqual(noPromotion.names, full.names.filter { !promotionNames.contains($0) })
    XCTAssertEqual(noPromotion.priceElasticity.map { noPromotion.names[$0] }, "price_elasticity")
    XCTAssertEqual(noPromotion.onoffDesign.count, 1 + 4)
    XCTAssertEqual(noPromotion.amountDesign.count, 1 + 4)
    XCTAssertFalse(
      noPromotion.groups.contains {
        [.promoLift, .searchOnoffPromo, .searchAmountPromo].contains($0.group)
      })
  }

  func testFullLayoutKeepsItsIndices() {
    let full = layout(.all)
    XCTAssertEqual(full.priceElasticity, full.revenueDesign.lowerBound + 1 + 4)
    XCTAssertEqual(full.promoLift, full.revenueDesign.lowerBound + 2 + 4)
    XCTAssertEqual(full.controlEffects.lowerBound, full.revenueDesign.lowerBound + 3 + 4)
  }

  func testBundledDataWithoutPriceAndPromotionRolesBuildsTheSmallerModel() throws {
    let roles = ColumnRoles(price: nil, promotion: nil)
    let dataset = try WeeklyDataset.load(path: TestModels.bundledDataPath, roles: roles)
    XCTAssertNil(dataset.price)
    XCTAssertNil(dataset.promotion)
    XCTAssertNil(dataset.scales.medianPrice)
    XCTAssertTrue(dataset.unusedColumns.map(\.name).contains("average_price"))
    let model = try PreparedModel(dataset: dataset, configuration: TestModels.defaultPriors())
      .model
    XCTAssertEqual(model.layout.terms, none)
    XCTAssertEqual(model.layout.count, 56)
    XCTAssertNil(model.inputs.logPrice)
    XCTAssertNil(model.inputs.medianPrice)
    XCTAssertEqual(model.inputs.revenueDesignColumns, 1 + 4)
    XCTAssertEqual(model.inputs.mediatorDesignColumns, 1 + 4)
    XCTAssertEqual(model.layout.revenueDesign.count, model.inputs.revenueDesignColumns)
    XCTAssertEqual(model.layout.onoffDesign.count, model.inputs.mediatorDesignColumns)
  }

  func testDensityAndGradientWithoutPriceAndPromotion() throws {
    for terms in [none, OptionalTerms(price: false, promotion: true)] {
      let inputs = SyntheticInputs.flighted(weeks: 60, seed: 8, controls: 1, terms: terms)
      let model = try JointModel(inputs: inputs, configuration: TestModels.defaultPriors())
      let density = model.makeLogDensity()
      let rng = GSLRandom(runSeed: 21)
      for _ in 0..<5 {
        let point = (0..<model.dimension).map { _ in rng.uniform(-2, 2) }
        let (fast, _) = FiniteDifferences.evaluate(density, at: point)
        let naive = NaiveJointModel.logPosterior(model: model, unconstrained: point)
        XCTAssertEqual(fast, naive, accuracy: 1e-9 * max(1, abs(naive)))
      }
      let check = GradientCheck(density: density, points: 5, seed: 22)
      XCTAssertLessThan(check.maxRelativeError, 1e-6)
    }
  }

  func testEffectsWithoutPriceAndPromotionHaveNoWhatIfColumnsForThem() throws {
    let inputs = SyntheticInputs.flighted(weeks: 60, seed: 9, terms: none)
    let model = try JointModel(inputs: inputs, configuration: TestModels.defaultPriors())
    let names = EffectColumns.names(socialCount: 3, terms: none)
    XCTAssertEqual(Array(names.suffix(2)), ["google_effect", "google_roi"])
    XCTAssertEqual(names.count, EffectColumns.count(socialCount: 3) - 4)
    let x = model.priors.map { $0.sample(using: GSLRandom(runSeed: 3)) }
    var numbers = MediatorRandomNumbers(paths: 2, weeks: inputs.weeks)
    numbers.draw(from: GSLRandom(runSeed: 4))
    let effects = EffectCalculator(model: model).effects(parameters: x, randomNumbers: numbers)
    XCTAssertEqual(effects.row.count, names.count)
    XCTAssertNil(effects.whatIf.revenueChangePricePlus10)
    XCTAssertNil(effects.whatIf.promoRevenue)
  }

  func testPriorsWithoutPriceFamiliesServeOnlyAModelWithoutPrice() throws {
    let text = try String(
      contentsOfFile: TestModels.packageRoot.appendingPathComponent(
        PriceResponseForm.constantElasticity.examplePriorsPath
      ).path, encoding: .utf8)
    var json = try JSONValue(parsing: Data(text.utf8))
    guard case .object(let top) = json else { return XCTFail("not an object") }
    json = .object(
      top.map { member in
        guard member.key == "priors", case .object(let families) = member.value else {
          return member
        }
        return (key: member.key, value: .object(families.filter { $0.key != "price_elasticity" }))
      })
    let configuration = try PriorsConfiguration(json: json, source: "p.json")
    XCTAssertEqual(
      try configuration.resolve(for: layout(OptionalTerms(price: false, promotion: true))).count,
      layout(OptionalTerms(price: false, promotion: true)).count)
    XCTAssertThrowsError(try configuration.resolve(for: layout(.all))) { error in
      XCTAssertEqual("\(error)", "p.json: key \"priors.price_elasticity\": missing prior")
    }
  }
}
