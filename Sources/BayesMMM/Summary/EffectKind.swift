/// Which part of a social channel's effect on revenue.
public enum EffectKind: String, Sendable, CaseIterable, Equatable {
  /// The natural direct effect (NDE): not through Google.
  case direct
  /// The natural indirect effect (NIE): through the Google spend social spend induces.
  case indirect
  /// The total effect, NDE + NIE.
  case total

  /// The chain-file measure holding this effect's draws.
  public var measure: EffectColumns.Measure {
    switch self {
    case .direct: return .nde
    case .indirect: return .nie
    case .total: return .te
    }
  }
}

extension EffectContrast {
  /// Plain words for reports.
  public var phrase: String {
    switch self {
    case .zero: return "observed spend vs switched off"
    case .plus10: return "+10% of observed spend vs observed"
    }
  }
}

/// Named accessors for the scalar effect columns (the contract is in `EffectColumns`).
extension EffectColumns {
  /// Revenue change from removing all Google spend (observed minus off), currency.
  public static let googleEffect = "google_effect"
  /// `google_effect` / total Google spend, currency per currency.
  public static let googleROI = "google_roi"
  /// Revenue change at price -10% in every week, currency.
  public static let revenueChangePriceMinus10 = "revenue_change_price_minus10"
  /// Revenue change at price +10% in every week, currency.
  public static let revenueChangePricePlus10 = "revenue_change_price_plus10"
  /// exp(promo_lift) - 1, a fraction (0.25 is +25%).
  public static let promoLiftPercent = "promo_lift_pct"
  /// Revenue the promotions brought over the window, currency.
  public static let promoRevenue = "promo_revenue"

  /// Every effect column for `socialCount` channels, in the contract's order.
  public static func all(socialCount: Int) -> [String] { names(socialCount: socialCount) }
}
