import XCTest

@testable import BayesMMM

/// The column contract and the per-model constants recorded in run.json.
final class EffectColumnsTests: XCTestCase {
  func testColumnNamesFollowTheContract() {
    let names = EffectColumns.names(socialCount: 2)
    XCTAssertEqual(
      names,
      [
        "nde_zero.1", "nde_zero.2", "nie_zero.1", "nie_zero.2", "te_zero.1", "te_zero.2",
        "share_mediated_zero.1", "share_mediated_zero.2", "roi_zero.1", "roi_zero.2",
        "induced_google_zero.1", "induced_google_zero.2", "net_roi_zero.1", "net_roi_zero.2",
        "nde_plus10.1", "nde_plus10.2", "nie_plus10.1", "nie_plus10.2", "te_plus10.1",
        "te_plus10.2", "share_mediated_plus10.1", "share_mediated_plus10.2", "roi_plus10.1",
        "roi_plus10.2", "induced_google_plus10.1", "induced_google_plus10.2",
        "net_roi_plus10.1", "net_roi_plus10.2", "google_effect", "google_roi",
        "revenue_change_price_minus10", "revenue_change_price_plus10", "promo_lift_pct",
        "promo_revenue",
      ])
    for socialCount in 1...5 {
      let all = EffectColumns.names(socialCount: socialCount)
      XCTAssertEqual(all.count, EffectColumns.count(socialCount: socialCount))
      XCTAssertEqual(Set(all).count, all.count)
      for contrast in EffectContrast.allCases {
        for measure in EffectColumns.Measure.allCases {
          for channel in 0..<socialCount {
            let index = EffectColumns.index(
              measure, contrast, channel: channel, socialCount: socialCount)
            XCTAssertEqual(all[index], EffectColumns.name(measure, contrast, channel: channel))
          }
        }
      }
    }
  }

  /// On the real file: facebook is never 0, so switching it off is an extrapolation; the
  /// flighted channels are not; +10% never is. Spend changes are the window totals.
  func testRealDataScenariosFlagFacebookOffAsExtrapolation() throws {
    let model = try TestModels.realDataModel()
    let inputs = model.inputs
    let scenarios = EffectScenarios(inputs: inputs)
    XCTAssertEqual(
      inputs.socialNames, ["facebook_spend", "tiktok_spend", "instagram_spend", "snapchat_spend"])
    for s in inputs.socialNames.indices {
      let zero = scenarios.scenario(.zero, channel: s)
      let plus10 = scenarios.scenario(.plus10, channel: s)
      XCTAssertEqual(zero.isExtrapolation, s == 0, inputs.socialNames[s])
      XCTAssertFalse(plus10.isExtrapolation, inputs.socialNames[s])
      let total = inputs.socialSpendCurrency[s].reduce(0, +)
      XCTAssertEqual(zero.spendChange, total, accuracy: 1e-9 * total)
      XCTAssertEqual(plus10.spendChange, 0.1 * total, accuracy: 1e-9 * total)
    }
    let google = inputs.mediatorSpend.reduce(0, +) * inputs.mediatorScale
    XCTAssertEqual(scenarios.googleTotalSpend, google, accuracy: 1e-9 * google)
    let floorWeeks = zip(scenarios.observedRevenue, inputs.censored).filter { $0.1 }
    XCTAssertEqual(floorWeeks.count, 8)
    for (revenue, _) in floorWeeks { XCTAssertEqual(revenue, 1.0, accuracy: 1e-9) }
  }

  func testRunRecordEffectsObjectCarriesTheContract() throws {
    let model = try TestModels.realDataModel()
    let json = RunRecord.effectsJSON(
      inputs: model.inputs, settings: EffectSettings(mediatorPaths: 12))
    XCTAssertEqual(json["mediator_paths"]?.numberValue, 12)
    XCTAssertEqual(
      json["column_contract"]?.arrayValue?.compactMap(\.stringValue),
      EffectColumns.names(socialCount: 4))
    XCTAssertEqual(json["extrapolation"]?["zero"]?["facebook_spend"]?.boolValue, true)
    XCTAssertEqual(json["extrapolation"]?["zero"]?["instagram_spend"]?.boolValue, false)
    XCTAssertEqual(json["extrapolation"]?["plus10"]?["facebook_spend"]?.boolValue, false)
    XCTAssertNotNil(json["spend_change"]?["plus10"]?["snapchat_spend"]?.numberValue)
    XCTAssertGreaterThan(json["google_total_spend"]?.numberValue ?? 0, 0)
  }
}
