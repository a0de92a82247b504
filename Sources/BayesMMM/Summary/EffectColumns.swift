/// The counterfactual contrasts of MODEL.md 6. Each effect is the hi arm minus the lo arm,
/// in currency over the whole window.
public enum EffectContrast: String, Sendable, CaseIterable, Equatable {
  /// Observed spend (hi) against the channel switched off in every week (lo).
  case zero
  /// Observed spend + 10% in every week (hi) against observed spend (lo): the marginal
  /// return.
  case plus10

  /// Plain words for reports.
  public var phrase: String {
    switch self {
    case .zero: return "observed spend vs switched off"
    case .plus10: return "+10% of observed spend vs observed"
    }
  }
}

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

/// The names of the per-draw effect columns in chain files (the effects contract).
///
/// After the model parameters, for contrast c in [zero, plus10], measure in [nde, nie, te,
/// share_mediated, roi, induced_google, net_roi] and social channel k = 1...S:
/// `<measure>_<c>.<k>` (e.g. `nde_zero.1`, `te_plus10.3`); then the scalars
/// `google_effect`, `google_roi`, `revenue_change_price_minus10`,
/// `revenue_change_price_plus10`, `promo_lift_pct`, `promo_revenue`. Effects are in
/// currency over the whole window, hi arm minus lo arm.
public enum EffectColumns {
  public enum Measure: String, Sendable, CaseIterable {
    /// Natural direct effect, currency.
    case nde
    /// Natural indirect effect, currency.
    case nie
    /// Total effect, currency.
    case te
    /// NIE / TE, unitless.
    case shareMediated = "share_mediated"
    /// TE / spend change, currency per currency.
    case roi
    /// Change in Google spend the contrast induces, currency.
    case inducedGoogle = "induced_google"
    /// (TE - induced Google spend) / spend change, currency per currency.
    case netROI = "net_roi"
  }

  /// `<measure>_<contrast>.<channel>` with `channel` 1-based.
  public static func name(_ measure: Measure, _ contrast: EffectContrast, channel: Int) -> String {
    "\(measure.rawValue)_\(contrast.rawValue).\(channel)"
  }

  /// Revenue change from removing all Google spend (observed minus off), currency.
  public static let googleEffect = "google_effect"
  /// `google_effect` / total Google spend, currency per currency.
  public static let googleROI = "google_roi"
  /// Revenue change at price -10% in every week, currency.
  public static let revenueChangePriceMinus10 = "revenue_change_price_minus10"
  /// Revenue change at price +10% in every week, currency.
  public static let revenueChangePricePlus10 = "revenue_change_price_plus10"
  /// 100 x (exp(promo_lift) - 1), percent.
  public static let promoLiftPercent = "promo_lift_pct"
  /// Revenue the promotions brought over the window, currency.
  public static let promoRevenue = "promo_revenue"

  /// Every effect column for `socialCount` channels, in the contract's order.
  public static func all(socialCount: Int) -> [String] {
    var names: [String] = []
    for contrast in EffectContrast.allCases {
      for measure in Measure.allCases {
        for channel in stride(from: 1, through: socialCount, by: 1) {
          names.append(name(measure, contrast, channel: channel))
        }
      }
    }
    return names + [
      googleEffect, googleROI, revenueChangePriceMinus10, revenueChangePricePlus10,
      promoLiftPercent, promoRevenue,
    ]
  }
}
