#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Promotions in the report: the lift on revenue and the revenue they brought.
public struct PromotionSummary: Sendable, Equatable {
  /// exp(promo_lift) - 1 per draw: the relative revenue lift of a full-intensity promotion
  /// week, as a fraction (0.12 = +12%). MODEL.md 3.3 puts promo_lift on the log scale.
  public let lift: PosteriorStatistics?
  /// Revenue the promotions brought over the window (`promo_revenue`), currency.
  public let revenue: PosteriorStatistics?

  /// Nil when the model has no promotion term (no `promo_lift` column).
  public init?(draws: DrawTable) {
    guard let liftDraws = draws.pooled("promo_lift") else { return nil }
    lift = PosteriorStatistics(draws: liftDraws, transform: expm1)
    revenue = draws.pooled(EffectColumns.promoRevenue).map { PosteriorStatistics(draws: $0) }
  }

  var json: JSONValue { ["lift": lift.json, "revenue": revenue.json] }
}
