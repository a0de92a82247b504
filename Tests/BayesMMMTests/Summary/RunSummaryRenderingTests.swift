import Foundation
import XCTest

@testable import BayesMMM

/// The four renderings of a summary: JSON keys and shape (scripts depend on them), the CSV
/// long format, and what text and Markdown say about effects.
final class RunSummaryRenderingTests: XCTestCase {
  /// The fixture run summarised once (the fit simulation is the slow part).
  private static let shared = Result { () throws -> RunSummary in
    let run = try StoredRun.read(directory: SummaryFixtures.runWithEffects)
    return RunSummary(run: run, prepared: try SummaryFixtures.prepared(run))
  }

  private func summary() throws -> RunSummary { try Self.shared.get() }

  private func parsedJSON(_ summary: RunSummary) throws -> [String: Any] {
    try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(summary.jsonText().utf8)) as? [String: Any])
  }

  func testJSONTopLevelKeysInOrder() throws {
    let keys = try XCTUnwrap(try summary().json.objectMembers).map(\.key)
    XCTAssertEqual(
      keys,
      ["parameters", "effects", "price", "promotion", "google", "fit", "diagnostics", "assumption"])
  }

  func testJSONParameterAndEffectRowsHaveExactlyTheDocumentedKeys() throws {
    let json = try parsedJSON(try summary())
    let parameters = try XCTUnwrap(json["parameters"] as? [[String: Any]])
    XCTAssertEqual(parameters.count, 60 + EffectColumns.all(socialCount: 4).count)
    XCTAssertEqual(
      Set(try XCTUnwrap(parameters.first).keys),
      [
        "name", "mean", "sd", "median", "lower", "upper", "mcse_mean", "ess_bulk", "ess_tail",
        "r_hat", "non_finite_draws",
      ])
    XCTAssertEqual(parameters.first?["name"] as? String, "adstock_decay_social.1")
    let effects = try XCTUnwrap(json["effects"] as? [[String: Any]])
    XCTAssertEqual(effects.count, 24)
    for effect in effects {
      XCTAssertEqual(
        Set(effect.keys),
        [
          "channel", "effect", "contrast", "mean", "median", "lower90", "upper90", "lower95",
          "upper95", "prob_positive", "non_finite_draws", "roi", "net_roi", "share_mediated",
          "extrapolation",
        ])
      XCTAssertTrue(["direct", "indirect", "total"].contains(effect["effect"] as? String))
      XCTAssertTrue(["zero", "plus10"].contains(effect["contrast"] as? String))
      XCTAssertNotNil(effect["extrapolation"] as? Bool)
    }
    XCTAssertEqual(
      effects.filter { $0["extrapolation"] as? Bool == true }.map { $0["channel"] as? String },
      ["facebook_spend", "facebook_spend", "facebook_spend"])
  }

  func testJSONLeverFitAndDiagnosticsObjects() throws {
    let json = try parsedJSON(try summary())
    let rowKeys: Set<String> = [
      "mean", "median", "lower90", "upper90", "lower95", "upper95", "prob_positive",
      "non_finite_draws",
    ]
    let price = try XCTUnwrap(json["price"] as? [String: Any])
    XCTAssertEqual(
      Set(price.keys),
      [
        "form", "elasticity", "revenue_change_minus10", "revenue_change_plus10", "median_price",
        "observed_range", "elasticity_across_range", "choke_price", "revenue_maximising_price",
      ])
    XCTAssertEqual(Set(try XCTUnwrap(price["elasticity"] as? [String: Any]).keys), rowKeys)
    let promotion = try XCTUnwrap(json["promotion"] as? [String: Any])
    XCTAssertEqual(Set(promotion.keys), ["lift", "revenue"])
    let google = try XCTUnwrap(json["google"] as? [String: Any])
    XCTAssertEqual(Set(google.keys), ["effect", "roi", "total_spend"])
    XCTAssertEqual(Set(try XCTUnwrap(google["roi"] as? [String: Any]).keys), rowKeys)
    let fit = try XCTUnwrap(json["fit"] as? [String: Any])
    XCTAssertEqual(
      Set(fit.keys),
      [
        "weeks", "floor_weeks", "draws", "bayesian_r2", "mape_percent", "coverage_50",
        "coverage_90", "r_squared", "r_squared_non_floor", "floor_value",
        "floor_weeks_predicted_at_floor", "floor_week_predictions",
      ])
    let floorWeeks = try XCTUnwrap(fit["floor_week_predictions"] as? [[String: Any]])
    XCTAssertEqual(floorWeeks.count, 8)
    XCTAssertEqual(
      Set(try XCTUnwrap(floorWeeks.first).keys), ["date", "predicted_median", "at_floor"])
    XCTAssertEqual(floorWeeks.first?["date"] as? String, "2023-11-05")
    XCTAssertEqual(fit["floor_value"] as? Double, 1)
    let diagnostics = try XCTUnwrap(json["diagnostics"] as? [String: Any])
    XCTAssertEqual(diagnostics["draws"] as? Double, 100)
    XCTAssertEqual((diagnostics["e_bfmi"] as? [Double])?.count, 2)
    XCTAssertFalse(try XCTUnwrap(diagnostics["warnings"] as? [String]).isEmpty)
    XCTAssertTrue(try XCTUnwrap(json["assumption"] as? String).contains("sequential ignorability"))
  }

  func testPromotionLiftIsExpOfTheLogLiftMinusOne() throws {
    let lift = try XCTUnwrap(try summary().promotion?.lift)
    let draws = try SummaryFixtures.pooledColumn("promo_lift")
    XCTAssertEqual(
      lift.median, Diagnostics.quantile(draws.map(expm1), probability: 0.5), accuracy: 1e-12)
    XCTAssertEqual(lift.mean, draws.map(expm1).reduce(0, +) / 100, accuracy: 1e-12)
  }

  func testCSVIsOneLongTableThatCarriesTheJSONValues() throws {
    let summary = try summary()
    let lines = summary.csv().split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "section,name,channel,effect,contrast,statistic,value")
    let row = try XCTUnwrap(
      summary.effects.first {
        $0.channel == "snapchat_spend" && $0.effect == .total && $0.contrast == .plus10
      })
    XCTAssertTrue(
      lines.contains("effects,,snapchat_spend,total,plus10,median,\(row.statistics.median)"))
    let parameter = try XCTUnwrap(summary.parameters.first)
    XCTAssertTrue(lines.contains("parameters,\(parameter.name),,,,r_hat,\(parameter.rHat)"))
    XCTAssertTrue(lines.contains { $0.hasPrefix("fit,bayesian_r2,,,,median,") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("fit,r_squared_non_floor,,,,value,") })
    XCTAssertTrue(lines.contains("fit,floor_week_predictions.1,,,,date,2023-11-05"))
    XCTAssertTrue(lines.contains { $0.hasPrefix("fit,floor_week_predictions.8,,,,at_floor,") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("diagnostics,warning.1,,,,text,R-hat above 1.01") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("diagnostics,warning.2,,,,text,\"ESS below 400") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("assumption,,,,,text,\"") })
    let sections = Set(lines.dropFirst().map { $0.prefix { $0 != "," } })
    XCTAssertEqual(
      sections,
      ["parameters", "effects", "price", "promotion", "google", "fit", "diagnostics", "assumption"])
  }

  func testTextLeadsExtrapolatedRowsWithTheMedianAndSaysWhy() throws {
    let summary = try summary()
    // Prose is wrapped at 100 columns: compare with the line breaks folded into spaces.
    let text = summary.text().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let facebookTotal = try XCTUnwrap(
      summary.effects.first {
        $0.channel == "facebook_spend" && $0.effect == .total && $0.contrast == .zero
      })
    let median = ReportNumber.currency(facebookTotal.statistics.median)
    XCTAssertTrue(text.contains("median \(median) *"), text)
    XCTAssertTrue(text.contains("facebook_spend is never 0 in the data"), text)
    XCTAssertTrue(text.contains("A few draws can dominate the mean"), text)
    XCTAssertTrue(text.contains("Assumption: These effects assume"), text)
    let markdown = summary.markdown()
    XCTAssertTrue(markdown.contains("## Social effects on revenue"), markdown)
    XCTAssertTrue(markdown.contains("| median \(median) * |"), markdown)
    XCTAssertTrue(markdown.contains("| --- | --- | ---: |"), markdown)
  }

  func testARunWithoutEffectsStillSummarisesAndSaysSo() throws {
    let folder = try SummaryFixtures.copyWithoutEffects()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try StoredRun.read(directory: folder.path)
    XCTAssertNil(run.effects)
    let summary = RunSummary(run: run, prepared: nil)
    XCTAssertFalse(summary.effectsInRun)
    XCTAssertEqual(summary.parameters.count, 60)
    XCTAssertNil(summary.google.effect)
    XCTAssertNil(summary.price?.revenueChangePlus10)
    XCTAssertNotNil(summary.price?.elasticity)
    XCTAssertTrue(summary.text().contains("Effects are not in this run"))
    let json = try parsedJSON(summary)
    XCTAssertEqual((json["effects"] as? [Any])?.count, 0)
    XCTAssertTrue(json["fit"] is NSNull)
    XCTAssertTrue((json["google"] as? [String: Any])?["effect"] is NSNull)
  }
}
