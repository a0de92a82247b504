import Foundation
import XCTest

@testable import BayesMMM

/// Effect rows on the fixture run, checked against numbers computed here from the chain
/// files and run.json directly.
final class EffectSummaryTests: XCTestCase {
  private var run: StoredRun!
  private var rows: [EffectSummary] = []

  override func setUpWithError() throws {
    run = try StoredRun.read(directory: SummaryFixtures.runWithEffects)
    rows = EffectSummary.rows(
      draws: run.draws, socialNames: run.socialNames, record: run.effects)
  }

  func testOneRowPerChannelContrastAndEffect() {
    XCTAssertEqual(rows.count, 4 * 2 * 3)
    XCTAssertEqual(
      rows.prefix(6).map { "\($0.channel) \($0.contrast.rawValue) \($0.effect.rawValue)" },
      [
        "facebook_spend zero direct", "facebook_spend zero indirect", "facebook_spend zero total",
        "facebook_spend plus10 direct", "facebook_spend plus10 indirect",
        "facebook_spend plus10 total",
      ])
  }

  func testTotalEffectRowMatchesADirectComputation() throws {
    // instagram_spend is channel 3.
    let row = try XCTUnwrap(
      rows.first { $0.channel == "instagram_spend" && $0.effect == .total && $0.contrast == .zero })
    let te = try SummaryFixtures.pooledColumn("te_zero.3")
    let induced = try SummaryFixtures.pooledColumn("induced_google_zero.3")
    let share = try SummaryFixtures.pooledColumn("share_mediated_zero.3")
    let record = try SummaryFixtures.record()
    let effects = try XCTUnwrap(record["effects"] as? [String: Any])
    let spendChange = try XCTUnwrap(
      (effects["spend_change"] as? [String: [String: Double]])?["zero"]?["instagram_spend"])

    let sorted = te.sorted()
    func quantile(_ p: Double) -> Double {
      let h = Double(sorted.count - 1) * p
      let low = Int(h.rounded(.down))
      return sorted[low] + (h - Double(low)) * (sorted[low + 1] - sorted[low])
    }
    func median(_ values: [Double]) -> Double {
      let s = values.sorted()
      return (s[s.count / 2 - 1] + s[s.count / 2]) / 2  // 100 draws: even count
    }
    let s = row.statistics
    XCTAssertEqual(te.count, 100)
    XCTAssertEqual(s.mean, te.reduce(0, +) / 100, accuracy: 1e-9 * abs(s.mean))
    XCTAssertEqual(s.median, median(te), accuracy: 1e-9 * abs(s.median))
    XCTAssertEqual(s.lower90, quantile(0.05), accuracy: 1e-6)
    XCTAssertEqual(s.upper90, quantile(0.95), accuracy: 1e-6)
    XCTAssertEqual(s.lower95, quantile(0.025), accuracy: 1e-6)
    XCTAssertEqual(s.upper95, quantile(0.975), accuracy: 1e-6)
    XCTAssertEqual(s.probabilityPositive, Double(te.filter { $0 > 0 }.count) / 100)
    XCTAssertEqual(row.spendChange, spendChange)
    XCTAssertEqual(try XCTUnwrap(row.roi), median(te) / spendChange, accuracy: 1e-12)
    let net = zip(te, induced).map { ($0 - $1) / spendChange }
    XCTAssertEqual(try XCTUnwrap(row.netROI), median(net), accuracy: 1e-12)
    XCTAssertEqual(try XCTUnwrap(row.shareMediated), median(share), accuracy: 1e-12)
    XCTAssertFalse(row.extrapolation)
  }

  func testIndirectNetROIPaysForInducedGoogleAndDirectNetROIIsItsROI() throws {
    let indirect = try XCTUnwrap(
      rows.first {
        $0.channel == "tiktok_spend" && $0.effect == .indirect && $0.contrast == .plus10
      })
    let nie = try SummaryFixtures.pooledColumn("nie_plus10.2")
    let induced = try SummaryFixtures.pooledColumn("induced_google_plus10.2")
    let change = try XCTUnwrap(indirect.spendChange)
    let expected = Diagnostics.quantile(
      zip(nie, induced).map { ($0 - $1) / change }, probability: 0.5)
    XCTAssertEqual(try XCTUnwrap(indirect.netROI), expected, accuracy: 1e-12)
    let direct = try XCTUnwrap(
      rows.first { $0.channel == "tiktok_spend" && $0.effect == .direct && $0.contrast == .plus10 })
    XCTAssertEqual(direct.netROI, direct.roi)
  }

  func testExtrapolationFlagsComeFromRunJSON() {
    let flagged = Set(rows.filter(\.extrapolation).map { "\($0.channel) \($0.contrast)" })
    XCTAssertEqual(flagged, ["facebook_spend zero"])
  }

  func testWithoutARecordSpendChangeAndFlagsComeFromTheObservedSpend() {
    let observed = [[1.0, 2, 3, 4], [0, 5, 0, 5], [1, 1, 1, 1], [2, 0, 2, 0]]
    let fallback = EffectSummary.rows(
      draws: run.draws, socialNames: run.socialNames, record: nil, observedSpend: observed)
    let facebookZero = fallback.first { $0.channelIndex == 0 && $0.contrast == .zero }
    let tiktokPlus = fallback.first { $0.channelIndex == 1 && $0.contrast == .plus10 }
    XCTAssertEqual(facebookZero?.spendChange, 10)
    XCTAssertEqual(facebookZero?.extrapolation, true)
    XCTAssertEqual(tiktokPlus?.spendChange ?? 0, 1, accuracy: 1e-12)
    XCTAssertEqual(tiktokPlus?.extrapolation, false)
    let noSpend = EffectSummary.rows(
      draws: run.draws, socialNames: run.socialNames, record: nil)
    XCTAssertNil(noSpend.first?.roi)
  }
}
