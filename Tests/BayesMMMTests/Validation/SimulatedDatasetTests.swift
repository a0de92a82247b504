import Foundation
import XCTest

@testable import BayesMMM

/// `simulate`: the data it writes, and the truth restated at the data's scales.
final class SimulatedDatasetTests: XCTestCase {
  func testSimulatedCSVHasTheBundledSchemaAndLoadsLikeCheckData() throws {
    let simulated = try SimulatedDataset.simulate(
      weeks: 104, seed: 11, configuration: TestModels.defaultPriors())
    let header = simulated.csv.prefix { $0 != "\n" }
    XCTAssertEqual(
      String(header),
      "week,facebook_spend,google_spend,tiktok_spend,instagram_spend,snapchat_spend,"
        + "social_followers,average_price,promotions,emails_send,sms_send,revenue")
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("bayes-mmm-sim-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try AtomicFileWriter.write(simulated.csv, to: url.path)
    let loaded = try WeeklyDataset.load(path: url.path)
    // The audit finds no error (it throws on errors), only warnings and notes.
    _ = try DataAudit(parameterCount: simulated.model.dimension).findings(for: loaded)
    XCTAssertEqual(loaded.weekCount, 104)
    XCTAssertEqual(loaded.dates.first, "2023-09-17")
    // Facebook always on; the other social channels flighted with long off runs.
    XCTAssertFalse(loaded.social[0].contains(0))
    for channel in loaded.social.dropFirst() {
      let off = channel.filter { $0 == 0 }.count
      XCTAssertGreaterThan(off, 20)
      XCTAssertLessThan(off, 84)
    }
    let meanPrice = loaded.price!.reduce(0, +) / 104
    XCTAssertEqual(meanPrice, 100, accuracy: 3)
    XCTAssertTrue(Set(loaded.promotion!).isSubset(of: [0, 1]))
    XCTAssertTrue(loaded.mediator.contains { $0 > 0 })
    // The model a fit of the CSV builds has the scales recorded with the truth.
    let inputs = ModelInputs(dataset: loaded, settings: ModelSettings())
    XCTAssertEqual(inputs.revenueScale, simulated.dataScales.revenue, accuracy: 1e-9)
    XCTAssertEqual(inputs.mediatorScale, simulated.dataScales.mediator, accuracy: 1e-9)
  }

  func testEverySimulatedFloorWeekIsCensoredHoweverFew() throws {
    // Seed 10 under the constant-elasticity priors puts 2 weeks at the 1.00 floor: too few
    // for the detection rule (3 weeks and 2%), but the simulation knows they are floor weeks
    // and censors them.
    let simulated = try SimulatedDataset.simulate(
      weeks: 104, seed: 10, configuration: TestModels.constantElasticityPriors())
    let atFloor = simulated.dataset.outcome.filter { $0 == 1.0 }.count
    XCTAssertEqual(atFloor, 2)
    XCTAssertNil(OutcomeFloor.value(of: simulated.dataset.outcome))
    XCTAssertEqual(simulated.dataset.floorValue, 1.0)
    XCTAssertEqual(simulated.dataset.isFloor.filter { $0 }.count, atFloor)
    XCTAssertEqual(simulated.model.inputs.censored.filter { $0 }.count, atFloor)
  }

  func testSameSeedGivesTheSameBytesAndAnotherSeedOtherData() throws {
    let priors = try TestModels.defaultPriors()
    let a = try SimulatedDataset.simulate(weeks: 52, seed: 3, configuration: priors)
    let b = try SimulatedDataset.simulate(weeks: 52, seed: 3, configuration: priors)
    let c = try SimulatedDataset.simulate(weeks: 52, seed: 4, configuration: priors)
    XCTAssertEqual(a.csv, b.csv)
    XCTAssertEqual(a.truth, b.truth)
    XCTAssertNotEqual(a.csv, c.csv)
  }

  /// The truth at the data's scales describes the same currency-scale predictors as the
  /// truth at the simulation's scales: rescaling moves only intercepts and Google's K.
  func testRescaledTruthGivesTheSamePredictorsInCurrency() throws {
    let simulated = try SimulatedDataset.simulate(
      weeks: 104, seed: 21, configuration: TestModels.defaultPriors())
    let data = simulated.model
    let layout = data.layout
    let atData = ForwardModel(model: data).state(parameters: simulated.truth)
    // The generating model with the same (rounded) outcomes at the simulation's scales.
    let plan = simulated.campaign.modelInputs(
      scales: simulated.simulationScales, settings: simulated.configuration.settings)
    let generating = data.replacingInputs(
      plan.replacingOutcomes(
        mediatorScaled: simulated.dataset.mediator.map { $0 / simulated.simulationScales.mediator },
        logRevenue: simulated.dataset.outcome.map { log($0 / simulated.simulationScales.revenue) },
        censored: data.inputs.censored))
    let atSimulation = ForwardModel(model: generating).state(parameters: simulated.simulationTruth)
    let revenueShift = log(simulated.dataScales.revenue)
    let simulationShift = log(simulated.simulationScales.revenue)
    for (a, b) in zip(atData.observedRevenuePredictor, atSimulation.observedRevenuePredictor) {
      XCTAssertEqual(a + revenueShift, b + simulationShift, accuracy: 1e-9)
    }
    let amountShift = log(simulated.dataScales.mediator)
    let amountSimulation = log(simulated.simulationScales.mediator)
    let amountData = atData.amountPredictor(socialSignals: atData.socialSignals)
    let amountGenerating = atSimulation.amountPredictor(socialSignals: atSimulation.socialSignals)
    for t in data.inputs.mediatorOnWeeks {
      XCTAssertEqual(
        amountData[t] + amountShift, amountGenerating[t] + amountSimulation, accuracy: 1e-9)
    }
    XCTAssertFalse(layout.priceParameters.isEmpty)
    for index in layout.priceParameters {
      XCTAssertEqual(simulated.truth[index], simulated.simulationTruth[index], "scale-free")
    }
    XCTAssertNotEqual(
      simulated.truth[layout.revenueIntercept], simulated.simulationTruth[layout.revenueIntercept])
  }

  /// truth.json read back as a truth file reproduces the parameters exactly, and simulating
  /// from it with the same seed gives the same data (the scales travel with the values).
  func testTruthDocumentRoundTripsThroughTruthFile() throws {
    let priors = try TestModels.defaultPriors()
    let simulated = try SimulatedDataset.simulate(weeks: 60, seed: 5, configuration: priors)
    let text = simulated.truthDocument(effects: .null).serialized(pretty: true)
    let truth = try TruthFile(json: try JSONValue(parsing: Data(text.utf8)), source: "truth.json")
    XCTAssertEqual(truth.scales, simulated.dataScales)
    XCTAssertEqual(
      try truth.parameters(for: simulated.model.layout, priors: simulated.model.priors),
      simulated.truth)
    let again = try SimulatedDataset.simulate(
      weeks: 60, seed: 5, configuration: try truth.configuration(basedOn: priors), truth: truth)
    XCTAssertEqual(again.truthSource, "truth.json")
    for (a, b) in zip(again.dataset.outcome, simulated.dataset.outcome) {
      XCTAssertEqual(a, b, accuracy: max(0.011, 1e-9 * b))
    }
    XCTAssertEqual(again.dataset.mediator.map { $0 > 0 }, simulated.dataset.mediator.map { $0 > 0 })
  }

  func testTruthFileErrorsNameTheKey() throws {
    let simulated = try SimulatedDataset.simulate(
      weeks: 30, seed: 6, configuration: TestModels.defaultPriors())
    let layout = simulated.model.layout
    let priors = simulated.model.priors
    var members = simulated.namedTruth.map { (key: $0.name, value: JSONValue.number($0.value)) }

    let missing = try TruthFile(json: .object(Array(members.dropFirst())), source: "t.json")
    XCTAssertThrowsError(try missing.parameters(for: layout, priors: priors)) { error in
      XCTAssertEqual(
        String(describing: error), "t.json: key \"adstock_decay_social.1\": missing parameter")
    }
    members[0].value = 1.5
    let outside = try TruthFile(json: ["parameters": .object(members)], source: "t.json")
    XCTAssertThrowsError(try outside.parameters(for: layout, priors: priors)) { error in
      XCTAssertTrue(
        String(describing: error).hasPrefix(
          "t.json: key \"parameters.adstock_decay_social.1\": 1.5 is outside"), "\(error)")
    }
    members[0].value = 0.5
    members.append((key: "beta_tv", value: 1))
    let unknown = try TruthFile(json: .object(members), source: "t.json")
    XCTAssertThrowsError(try unknown.parameters(for: layout, priors: priors)) { error in
      XCTAssertTrue(
        String(describing: error).hasPrefix("t.json: key \"beta_tv\": not a parameter"),
        "\(error)")
    }
    XCTAssertThrowsError(try TruthFile(json: ["parameters": ["x": "a"]], source: "t.json")) {
      XCTAssertEqual(
        String(describing: $0),
        "t.json: key \"parameters.x\": expected a finite number, got a string")
    }
  }

  func testCampaignFlightsEveryChannelButTheFirst() {
    let plan = SyntheticCampaign.generate(weeks: 104, seed: 9)
    XCTAssertEqual(plan.socialNames, ColumnRoles().social)
    XCTAssertFalse(plan.social[0].contains(0))
    for channel in plan.social.dropFirst() {
      XCTAssertTrue(channel.contains(0))
      XCTAssertTrue(channel.contains { $0 > 0 })
    }
    XCTAssertEqual(plan.weekOfYear.first, 37)  // 2023-09-17, a Sunday of ISO week 37
    XCTAssertTrue(plan.followers.first ?? 0 > 50_000)
    XCTAssertEqual(WeeklyCSVText.fixed(1234.5, decimals: 2), "1234.50")
    XCTAssertEqual(WeeklyCSVText.fixed(0.005, decimals: 2), "0.01")
    XCTAssertEqual(WeeklyCSVText.fixed(-2, decimals: 0), "-2")
  }

  /// True effects: TE = NDE + NIE for every channel; a channel with no coefficient in any
  /// equation has effects exactly 0 (both arms share their random numbers); truth.json lists
  /// them under the chain files' column names.
  func testTrueEffectsAddUpAndVanishForAnInertChannel() throws {
    let priors = try TestModels.defaultPriors()
    let draw = try SimulatedDataset.simulate(weeks: 52, seed: 17, configuration: priors)
    let inert = ["beta_social.2", "search_onoff_social.2", "search_amount_social.2"]
    let members = draw.namedTruth.map {
      (key: $0.name, value: JSONValue.number(inert.contains($0.name) ? 0 : $0.value))
    }
    let scales: JSONValue = [
      "revenue": .number(draw.dataScales.revenue),
      "google_spend": .number(draw.dataScales.mediator),
    ]
    let truth = try TruthFile(
      json: ["scales": scales, "parameters": .object(members)], source: "t")
    let simulated = try SimulatedDataset.simulate(
      weeks: 52, seed: 17, configuration: priors, truth: truth)
    let effects = SimulatedEffects.trueEffects(of: simulated, paths: 200)
    for contrast in EffectContrast.allCases {
      for channel in 0..<4 {
        let m = effects.mediation(contrast, channel: channel)
        XCTAssertEqual(
          m.totalEffect, m.naturalDirectEffect + m.naturalIndirectEffect,
          accuracy: 1e-9 * max(1, abs(m.totalEffect)))
      }
      XCTAssertEqual(effects.mediation(contrast, channel: 1).naturalDirectEffect, 0)
      XCTAssertEqual(effects.mediation(contrast, channel: 1).naturalIndirectEffect, 0)
    }
    XCTAssertNotEqual(effects.mediation(.zero, channel: 0).totalEffect, 0)
    let document = SimulatedEffects.truth(of: simulated, paths: 200)
    XCTAssertEqual(document["columns"]?.objectMembers?.count, 14 * 4 + 6)
    XCTAssertEqual(document["columns"]?["nde_zero.2"], .number(0))
    XCTAssertEqual(
      document["social"]?["instagram_spend"]?["zero"]?["te"],
      .number(effects.mediation(.zero, channel: 2).totalEffect))
  }
}
