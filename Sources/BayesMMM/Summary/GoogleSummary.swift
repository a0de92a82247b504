/// Google's own effect in the report: revenue change from switching all Google spend off
/// (observed minus off, currency over the window) and its return per unit of spend.
public struct GoogleSummary: Sendable, Equatable {
  /// `google_effect`, currency.
  public let effect: PosteriorStatistics?
  /// `google_roi`: effect / total Google spend, currency per currency.
  public let roi: PosteriorStatistics?
  /// Total observed Google spend over the window (run.json `effects.google_total_spend`).
  public let totalSpend: Double?

  public init(draws: DrawTable, record: EffectsRecord?) {
    effect = draws.pooled(EffectColumns.googleEffect).map { PosteriorStatistics(draws: $0) }
    roi = draws.pooled(EffectColumns.googleROI).map { PosteriorStatistics(draws: $0) }
    totalSpend = record?.googleTotalSpend
  }

  var json: JSONValue {
    ["effect": effect.json, "roi": roi.json, "total_spend": totalSpend.map { .number($0) } ?? .null]
  }
}
